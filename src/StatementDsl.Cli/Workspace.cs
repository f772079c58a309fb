using System.Text;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Cli;

/// <summary>A file as read from disk: its text (BOM removed) and the encoding choices the formatter keeps.</summary>
internal sealed record InputFile(string Path, string Text, bool HasBom);

/// <summary>Finds the <c>.stmt</c> files named on the command line and reads them as the compiler would.</summary>
internal static class Workspace
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Expands files and folders (recursively, in ordinal order); throws <see cref="UsageException"/> for a missing path.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(StatementDsl.LanguageServer.StatementFolders.Find(path).Select(f => f.Replace('\\', '/')));
            }
            else if (File.Exists(path))
            {
                files.Add(path.Replace('\\', '/'));
            }
            else
            {
                throw new UsageException($"No such file or folder: {path}");
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether two paths name the same file (compared as full paths, as this file system compares names).</summary>
    public static bool SameFile(string first, string second) =>
        string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public static InputFile Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var text = hasBom ? Utf8.GetString(bytes, 3, bytes.Length - 3) : Utf8.GetString(bytes);
            return new InputFile(path, text, hasBom);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {exception.Message}");
        }
    }

    public static (List<InputFile> Inputs, BoundCompilation Compilation) Load(IEnumerable<string> paths)
    {
        var inputs = Expand(paths).Select(Read).ToList();
        return (inputs, Binder.ParseAndBind(inputs.Select(i => new SourceFile(i.Path, i.Text)), StatementDsl.LanguageServer.SourceDocumentFiles.Create()));
    }
}

/// <summary>A usage or I/O problem: printed without a stack trace, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
