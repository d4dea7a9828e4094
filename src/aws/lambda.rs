//! Lambda lookups shared by `health` and `scale`.

use super::Clients;
use crate::error::{Error, Result};
use aws_sdk_lambda::operation::get_function::GetFunctionOutput;

/// GetFunction; `None` when the function does not exist.
pub async fn get_function(aws: &Clients, function: &str) -> Result<Option<GetFunctionOutput>> {
    match aws
        .lambda
        .get_function()
        .function_name(function)
        .send()
        .await
    {
        Ok(out) => Ok(Some(out)),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_resource_not_found_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::aws(
            "Lambda",
            "GetFunction",
            &format!("reading {function}"),
            e,
        )),
    }
}

/// Lambda's `LastModified` (`2019-10-14T16:09:44.108+0000`, or RFC 3339 from other endpoints).
pub fn parse_last_modified(text: &str) -> Option<jiff::Timestamp> {
    text.parse::<jiff::Timestamp>().ok().or_else(|| {
        jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%.f%z", text)
            .ok()?
            .to_timestamp()
            .ok()
    })
}

/// The newest published version of a function and when it was published (ListVersionsByFunction,
/// all pages); `None` when only `$LATEST` exists.
pub async fn newest_version(
    aws: &Clients,
    function: &str,
) -> Result<Option<(String, Option<jiff::Timestamp>)>> {
    let mut pages = aws
        .lambda
        .list_versions_by_function()
        .function_name(function)
        .into_paginator()
        .send();
    let mut newest: Option<(u64, Option<jiff::Timestamp>)> = None;
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| {
            Error::aws(
                "Lambda",
                "ListVersionsByFunction",
                &format!("listing the versions of {function}"),
                e,
            )
        })?;
        for v in page.versions() {
            let Some(n) = v.version().and_then(|n| n.parse::<u64>().ok()) else {
                continue;
            };
            if newest.is_none_or(|(m, _)| n > m) {
                newest = Some((n, v.last_modified().and_then(parse_last_modified)));
            }
        }
    }
    Ok(newest.map(|(n, at)| (n.to_string(), at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_modified_in_lambdas_and_rfc3339_form() {
        let aws = parse_last_modified("2019-10-14T16:09:44.108+0000").unwrap();
        assert_eq!(aws.to_string(), "2019-10-14T16:09:44.108Z");
        let rfc = parse_last_modified("2026-12-03T19:16:30.376044000Z").unwrap();
        assert_eq!(rfc.as_second(), 1796325390);
        assert!(parse_last_modified("yesterday").is_none());
    }
}
