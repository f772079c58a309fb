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
