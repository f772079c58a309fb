using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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

    private static readonly Regex DatePattern = new("^[0-9]{4}(-[0-9]{2}){0,2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant);
    private static readonly Regex LanguageTagPattern = new("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);

    /// <summary>An input's date as a <c>.stmt</c> date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time), trimmed; null when it is none.</summary>
    public static string? Date(string? value) => value?.Trim() is { Length: > 0 } trimmed && DatePattern.IsMatch(trimmed) ? trimmed : null;

    /// <summary>Whether an input's language is a tag a <c>.stmt</c> field takes (<c>ar</c>, <c>en</c>, <c>ar-Latn</c>).</summary>
    public static bool IsLanguageTag(string value) => LanguageTagPattern.IsMatch(value);

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
