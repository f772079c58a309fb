using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace StatementDsl.Tests;

/// <summary>
/// Golden files of generated output, reviewed like code. A mismatch writes <c>NAME.received.EXT</c>
/// beside the golden file and fails with a line diff; <c>STATEMENTDSL_ACCEPT=1</c> accepts the output.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Golden");
        var path = Path.GetFullPath(Path.Combine(directory, name));
        var received = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".received" + Path.GetExtension(path));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        actual = Normalize(actual);
        var expected = File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("STATEMENTDSL_ACCEPT") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"No golden file {path}; the output is in {received}. Review it, then run with STATEMENTDSL_ACCEPT=1."
            : $"{path} differs from the output (written to {received}):\n{Diff(expected, actual)}\nReview, then run with STATEMENTDSL_ACCEPT=1 to accept.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string Diff(string expected, string actual)
    {
        var builder = new StringBuilder();
        var lines = InlineDiffBuilder.Diff(expected, actual).Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var changedNearby = lines.Skip(Math.Max(0, i - 2)).Take(5).Any(l => l.Type != ChangeType.Unchanged);
            if (!changedNearby)
            {
                continue;
            }

            var marker = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(marker).AppendLine(line.Text);
        }

        return builder.ToString();
    }
}
