namespace StatementDsl.Language;

/// <summary>
/// The documented limits (docs/security.md). Input over a limit gives STMT9001 and is skipped, so
/// that a build or an editor never hangs, overflows its stack or runs out of memory.
/// </summary>
public static class Limits
{
    /// <summary>Largest file read, in UTF-16 code units (about 16 MB of ASCII).</summary>
    public const int MaxFileLength = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of declarations and lists.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Longest identifier, in UTF-16 code units.</summary>
    public const int MaxIdentifierLength = 256;

    /// <summary>Longest string or text block, in UTF-16 code units.</summary>
    public const int MaxStringLength = 8 * 1024 * 1024;

    /// <summary>Unknown references per file that get a "did you mean" suggestion (each costs a scan of all ids).</summary>
    public const int MaxSuggestionsPerFile = 20;

    /// <summary>Largest source document whose quotes are checked, in bytes (a verbatim record of a long sitting is a few MB).</summary>
    public const int MaxSourceDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Most diagnostics reported for one file; one more says the rest were dropped.</summary>
    public const int MaxDiagnosticsPerFile = 200;
}
