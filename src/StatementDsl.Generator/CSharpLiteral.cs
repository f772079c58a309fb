using System.Globalization;
using System.Text;

namespace StatementDsl.Generator;

/// <summary>Escapes text for a C# string literal: quotes, backslashes, and every invisible or direction-changing character as <c>\uXXXX</c>.</summary>
internal static class CSharpLiteral
{
    public static string Quote(string value) => "\"" + Escape(value) + "\"";

    public static string Escape(string value)
    {
        // Runs that need no escape (nearly all of a record's text) are copied whole, and a value without
        // any is returned as it is: the generator escapes every record of every file.
        StringBuilder? builder = null;
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c >= ' ' && c <= '~' && c != '"' && c != '\\') || (c > '~' && !NeedsEscape(c)))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            builder ??= new StringBuilder(value.Length + 16);
            builder.Append(value, runStart, i - runStart);
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            runStart = i + 1;
        }

        return builder is null ? value : builder.Append(value, runStart, value.Length - runStart).ToString();
    }

    public static string ReplaceLoneSurrogates(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]);
            if (char.IsSurrogate(c) && !paired)
            {
                builder ??= new StringBuilder(value);
                builder[i] = '\uFFFD';
            }
        }

        return builder?.ToString() ?? value;
    }

    private static bool NeedsEscape(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse
            || (category == UnicodeCategory.SpaceSeparator && c != ' ');
    }
}
