fn main() -> std::process::ExitCode {
    mandala_ops::app::main().into()
}
