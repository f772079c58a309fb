using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests;

/// <summary>Parses and binds test inputs and shows diagnostics as compact, comparable strings.</summary>
internal static class TestText
{
    public static BoundCompilation Compile(params (string Path, string Text)[] files) =>
        Binder.Bind(files.Select(f => Parser.Parse(new SourceFile(f.Path, f.Text))));

    public static BoundCompilation Compile(string text) => Compile(("test.stmt", text));

    /// <summary>Diagnostics as <c>ID(line,col)</c>, in order.</summary>
    public static string[] Diagnostics(string text) => Format(Compile(text).Diagnostics);

    public static string[] Format(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id}({d.Location.Start.Line},{d.Location.Start.Column})").ToArray();

    public static Diagnostic Single(string text, string id) => Assert.Single(Compile(text).Diagnostics, d => d.Id == id);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The standards' schemas and examples (../shared/standards beside the repository, or the folder
    /// STATEMENTDSL_STANDARDS names, or a shared/standards folder above the repository); the tests that
    /// need them are skipped, saying so, where none is found.
    /// </summary>
    public static string Standards { get; } = FindStandards();

    private static string FindStandards()
    {
        if (Environment.GetEnvironmentVariable("STATEMENTDSL_STANDARDS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = Directory.GetParent(RepositoryRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "standards");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "standards"));
    }

    /// <summary>Where <paramref name="tool"/> is on PATH; null when it is not installed.</summary>
    public static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StatementDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("StatementDsl.sln not found above the test binaries.");
    }
}
