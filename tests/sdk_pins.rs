//! aws-sdk-cloudwatch 1.100.0 and later speak CloudWatch's CBOR protocol, which the local AWS
//! emulator does not implement (getmoto/moto#9195): every CloudWatch call would fail against the
//! sandbox. This test fails if the pin is loosened or the lock file drifts from it.

#[test]
fn cloudwatch_stays_on_the_query_protocol_release() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("aws-sdk-cloudwatch = { version = \"=1.99.0\""),
        "Cargo.toml must pin aws-sdk-cloudwatch to =1.99.0"
    );
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert!(
        lock.contains("name = \"aws-sdk-cloudwatch\"\nversion = \"1.99.0\""),
        "Cargo.lock must resolve aws-sdk-cloudwatch to 1.99.0"
    );
}
