using System.Globalization;
using StatementDsl.Cli.Interop;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Cli;

/// <summary>
/// <c>stmt import --from akn|tei|popolo FILE… -o DIR</c> (LANGUAGE.md §9): writes <c>.stmt</c> files in the canonical
/// layout, a <c>roster.stmt</c> of the people and organizations and one file per debate. What the model
/// cannot hold is a note or a line on standard error naming the element and its position, then a
/// summary. Exit 0 imported, 1 imported with losses, 2 unreadable input or usage.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Losses listed one per line before the rest are only counted.</summary>
    private const int ListedLosses = 50;

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var (source, outputPath, _, _, paths) = CommandOptions.Parse(arguments, "import", "--from", acceptsForce: false);

        if (source is not ("akn" or "tei" or "popolo"))
        {
            throw new UsageException(source is null ? "import needs --from akn|tei|popolo" : $"Unknown import source '{source}'; the available sources are akn, tei and popolo");
        }

        if (outputPath is null || paths.Count == 0)
        {
            throw new UsageException("import needs one or more files and -o DIR");
        }

        var result = new ImportResult();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var roster = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"No such file: {path}");
            }

            if (new FileInfo(path).Length > AkomaNtosoImporter.MaxFileBytes)
            {
                throw new UsageException($"{path} is larger than the import limit of {AkomaNtosoImporter.MaxFileBytes / (1024 * 1024)} MB (docs/security.md)");
            }

            try
            {
                if (source == "akn")
                {
                    AkomaNtosoImporter.Import(path, result, ids, roster);
                }
                else if (source == "tei")
                {
                    TeiImporter.Import(path, result, ids, roster);
                }
                else
                {
                    PopoloImporter.Import(path, result, ids, roster);
                }
            }
            catch (System.Xml.XmlException exception)
            {
                throw new UsageException($"{path}({exception.LineNumber},{exception.LinePosition}): not readable as {(source == "akn" ? "Akoma Ntoso" : "TEI")}: {exception.Message}");
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw new UsageException($"{path}({(exception.LineNumber ?? 0) + 1},{(exception.BytePositionInLine ?? 0) + 1}): not readable as Popolo JSON: {exception.Message}");
            }
        }

        if (roster.Count > 0)
        {
            result.Files["roster.stmt"] = "// People and organizations imported by stmt import.\n\n" + string.Concat(roster.Values);
        }

        Directory.CreateDirectory(outputPath);
        foreach (var (name, text) in result.Files)
        {
            var syntax = Parser.Parse(new SourceFile(name, text));
            FormatCommand.WriteAtomically(Path.Combine(outputPath, name), Formatter.Format(syntax) ?? text, byteOrderMark: false);
        }

        foreach (var loss in result.Losses.Take(ListedLosses))
        {
            Console.Error.WriteLine(loss.ToString());
        }

        if (result.Losses.Count > ListedLosses)
        {
            Console.Error.WriteLine($"… and {result.Losses.Count - ListedLosses} more");
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {result.Meetings} meeting(s), {result.Speeches} speech(es), {result.People} people, {result.Organizations} organization(s), {result.Memberships} membership(s) into {result.Files.Count} file(s); {result.Losses.Count} loss(es)"));
        output.Flush();
        return result.Losses.Count > 0 ? 1 : 0;
    }
}
