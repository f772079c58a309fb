using System.Globalization;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>
/// Trojan Source defence (CVE-2021-42574). Embeddings, overrides and isolates may appear only in text
/// values and only balanced within a line; the marks LRM, RLM and ALM are harmless inside text.
/// </summary>
public static class Bidi
{
    /// <summary>Every bidirectional formatting character: never legal outside a text value.</summary>
    /// <remarks>
    /// Ordered so that ASCII is rejected by the first comparison and Arabic letters by the third: the
    /// lexer asks this of every character of every text.
    /// </remarks>
    public static bool IsControl(char c) =>
        c >= '\u061C' && (c == '\u061C' || (c >= '\u200E' && c <= '\u2069' && (c <= '\u200F' || (c >= '\u202A' && c <= '\u202E') || c >= '\u2066')));

    public static string Describe(char c)
    {
        var name = c switch
        {
            '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
            '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
            '\u202C' => "POP DIRECTIONAL FORMATTING",
            '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
            '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
            '\u2066' => "LEFT-TO-RIGHT ISOLATE",
            '\u2067' => "RIGHT-TO-LEFT ISOLATE",
            '\u2068' => "FIRST STRONG ISOLATE",
            '\u2069' => "POP DIRECTIONAL ISOLATE",
            '\u200E' => "LEFT-TO-RIGHT MARK",
            '\u200F' => "RIGHT-TO-LEFT MARK",
            _ => "ARABIC LETTER MARK",
        };
        return string.Concat("U+", ((int)c).ToString("X4", CultureInfo.InvariantCulture), " ", name);
    }

    /// <summary>
    /// Reports the first unbalanced control of each line of <paramref name="value"/>. Offsets map to
    /// the source only when the value is a verbatim slice; otherwise the value's start is used.
    /// </summary>
    internal static void CheckBalanced(string value, int sourceStart, DiagnosticBag diagnostics, char[] source, int sourceLength)
    {
        var embeddings = 0;
        var isolates = 0;
        var openedAt = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : '\n';
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    embeddings++;
                    openedAt = openedAt < 0 ? i : openedAt;
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    isolates++;
                    openedAt = openedAt < 0 ? i : openedAt;
                    break;
                case '\u202C' when embeddings == 0:
                case '\u2069' when isolates == 0:
                    Report(value, i, sourceStart, diagnostics, source, sourceLength, "closes nothing that was opened");
                    return;
                case '\u202C':
                    embeddings--;
                    break;
                case '\u2069':
                    isolates--;
                    break;
                case '\n':
                    if (embeddings > 0 || isolates > 0)
                    {
                        Report(value, openedAt, sourceStart, diagnostics, source, sourceLength, "is not closed before the end of the line (close embeddings and overrides with U+202C, isolates with U+2069)");
                        return;
                    }

                    openedAt = -1;
                    break;
            }

            if (embeddings == 0 && isolates == 0)
            {
                openedAt = -1;
            }
        }
    }

    private static void Report(string value, int index, int sourceStart, DiagnosticBag diagnostics, char[] source, int sourceLength, string problem)
    {
        var sourceIndex = sourceStart + index;
        var located = sourceIndex < sourceLength && source[sourceIndex] == value[index];
        diagnostics.Report(Rules.BidiControl, new TextSpan(located ? sourceIndex : Math.Max(0, sourceStart - 1), 1),
            string.Concat("Unbalanced bidirectional control character ", Describe(value[index]), " in a text value: it ", problem));
    }
}
