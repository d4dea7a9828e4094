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
