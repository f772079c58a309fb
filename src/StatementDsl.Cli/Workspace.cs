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
    /// <summary>A larger file's bytes are left to the collector rather than held by the thread for good.</summary>
    private const int MaxReusedReadBuffer = 1 << 22;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The bytes of the last file this thread read for binding, reused for the next.</summary>
    [ThreadStatic]
    private static byte[]? readBuffer;

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

    /// <summary>
    /// Reads and binds the files on every core, each read by the thread that binds it, and gives their
    /// paths: no text is kept once its file is bound, so the collector never copies it.
    /// </summary>
    public static (List<string> Files, BoundCompilation Compilation) Load(IEnumerable<string> paths)
    {
        var files = Expand(paths);
        var compilation = Binder.ParseAndBind(files.Count, i => Open(files[i]), StatementDsl.LanguageServer.SourceDocumentFiles.Create(), Environment.ProcessorCount);
        return (files, compilation);
    }

    /// <summary>A file for binding, its bytes read into a buffer the thread reuses: the text is decoded from them without a string (<see cref="SourceFile.FromUtf8"/>).</summary>
    private static SourceFile Open(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = readBuffer is { } reused && reused.Length > stream.Length ? reused : new byte[Math.Max(stream.Length + (stream.Length / 4) + 1, 4096)];
            var count = 0;
            int read;
            while ((read = stream.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += read;
                if (count == buffer.Length)
                {
                    // The file grew while it was read.
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            readBuffer = buffer.Length <= MaxReusedReadBuffer ? buffer : readBuffer;
            return SourceFile.FromUtf8(path, buffer, count);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {exception.Message}");
        }
    }
}

/// <summary>A usage or I/O problem: printed without a stack trace, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
