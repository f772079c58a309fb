using System.Text;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Cli;

/// <summary>
/// <c>stmt format [--check] PATH…</c>: rewrites files in the canonical layout (docs/formatting.md).
/// A file keeps its byte order mark and its line ending (the first one it uses; LF when it has none).
/// Files with syntax errors are reported and left untouched. Writes are atomic: a temporary file
/// beside the original, then a rename.
/// </summary>
internal static class FormatCommand
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var check = arguments.Contains("--check", StringComparer.Ordinal);
        var unknown = arguments.FirstOrDefault(a => a.StartsWith('-') && a != "--check");
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option {unknown} for format");
        }

        var paths = arguments.Where(a => a != "--check").ToList();
        if (paths.Count == 0)
        {
            throw new UsageException("format needs at least one file or folder");
        }

        var failed = false;
        foreach (var path in Workspace.Expand(paths))
        {
            var input = Workspace.Read(path);
            var syntax = Parser.Parse(new SourceFile(path, input.Text));
            var formatted = Formatter.Format(syntax);
            if (formatted is null)
            {
                Console.Error.WriteLine($"{path}: not formatted: it has syntax errors");
                foreach (var diagnostic in syntax.Diagnostics)
                {
                    Console.Error.WriteLine(diagnostic.ToString());
                }

                failed = true;
                continue;
            }

            var result = Formatter.WithLineEndingsOf(formatted, input.Text);
            if (string.Equals(result, input.Text, StringComparison.Ordinal))
            {
                continue;
            }

            if (check)
            {
                output.WriteLine($"would reformat {path}");
                failed = true;
                continue;
            }

            WriteAtomically(path, result, input.HasBom);
            output.WriteLine($"formatted {path}");
        }

        return failed ? 1 : 0;
    }

    internal static void WriteAtomically(string path, string text, bool byteOrderMark)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (byteOrderMark)
                {
                    stream.Write(Encoding.UTF8.Preamble);
                }

                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"Cannot write {path}: {exception.Message}");
        }
    }
}
