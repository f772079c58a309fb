using System.Text;

namespace StatementDsl.Cli;

/// <summary>Escaping and text direction for the rendered site (docs/render.md).</summary>
internal static class HtmlText
{
    /// <summary>Primary language subtags written right to left unless a script subtag says otherwise.</summary>
    private static readonly HashSet<string> RightToLeftLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
    };

    private static readonly HashSet<string> RightToLeftScripts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Adlm", "Arab", "Hebr", "Nkoo", "Rohg", "Syrc", "Thaa",
    };

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'");

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a BCP 47 tag is written right to left: by its script subtag when it has one, else by its language.</summary>
    public static bool IsRightToLeft(string language)
    {
        var parts = language.Split('-');
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 4)
            {
                return RightToLeftScripts.Contains(part);
            }
        }

        return RightToLeftLanguages.Contains(parts[0]);
    }

    /// <summary>
    /// The attributes of an element holding text: <c>lang</c> and <c>dir</c> for a known language, and
    /// <c>dir="auto"</c> where the language is unknown, so the browser takes the direction from the text.
    /// </summary>
    public static string Attributes(string? language) =>
        language is null
            ? " dir=\"auto\""
            : AttributesByLanguage.GetOrAdd(language, tag => " lang=\"" + Escape(tag) + "\" dir=\"" + (IsRightToLeft(tag) ? "rtl" : "ltr") + "\"");

    /// <summary>An archive uses a handful of language tags on every passage: each tag's attributes are made once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AttributesByLanguage = new(StringComparer.Ordinal);

    /// <summary>A piece of text inside a line of other text: isolated, so that an Arabic name in an English sentence keeps both in order.</summary>
    public static string Isolate(string? text, string? language) => "<bdi" + Attributes(language) + ">" + Escape(text) + "</bdi>";
}
