/// The one version string: `chorus --version` prints it and the console's `?` help shows it, so
/// a bug report quotes the same number whichever side the person was using.
public enum ChorusVersion {
    public static let current = "0.16.0"
}
