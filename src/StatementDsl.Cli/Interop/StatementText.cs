using System.Globalization;
using System.Text;

namespace StatementDsl.Cli.Interop;

/// <summary>What importers write: ids made legal and unique, and values as <c>.stmt</c> literals (LANGUAGE.md §2).</summary>
internal static class StatementText
{
    /// <summary>A string literal: escapes for quotes, backslashes, line breaks and invisible characters.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    break;
                default:
                    if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format && !char.IsSurrogate(c))
                    {
                        text.Append("\\u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Text as the importer keeps it: white space runs as one space, trimmed.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// An identifier from an input's own id or name, in any script: letters, marks and digits kept,
    /// anything else as <c>_</c>, a leading digit prefixed, and numbered when taken.
    /// </summary>
    public static string Identifier(string raw, ISet<string> taken, string fallback)
    {
        var text = new StringBuilder();
        foreach (var c in raw.Normalize(NormalizationForm.FormC).Trim().TrimStart('#'))
        {
            text.Append(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c is '_' or '-' ? c : '_');
        }

        var id = text.ToString().Trim('-');
        if (id.Length == 0)
        {
            id = fallback;
        }

        if (!char.IsLetter(id[0]) && id[0] != '_')
        {
            id = "_" + id;
        }

        if (id.Length > 200)
        {
            id = id[..200];
        }

        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = id + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }
}
