using System.Text;

namespace StatementDsl.Language.Provenance;

/// <summary>
/// Text as quotes are compared (LANGUAGE.md §4, docs/language.md "Quotes and their source"): NFC, no
/// quotation marks, white space runs as one space, trimmed; and, for Arabic, no tatweel and no harakat,
/// which writers add or leave out at will, and Arabic-Indic digits read as the digits they are. Every
/// character of the result remembers where it came from in the original, so a match has a line and
/// column in the document.
/// </summary>
public sealed class QuoteText
{
    /// <summary>Where the shift between the normalized and the original offsets changes: normalized index, then shift.</summary>
    private readonly int[] shiftStarts;
    private readonly int[] shifts;

    private QuoteText(string text, int[] shiftStarts, int[] shifts)
    {
        Text = text;
        this.shiftStarts = shiftStarts;
        this.shifts = shifts;
    }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>The offset in the original text where the normalized range starting at <paramref name="index"/> begins.</summary>
    public int OriginOf(int index)
    {
        if (Text.Length == 0)
        {
            return 0;
        }

        index = Math.Min(Math.Max(0, index), Text.Length - 1);
        var change = Array.BinarySearch(shiftStarts, index);
        change = change >= 0 ? change : ~change - 1;
        return index + (change >= 0 ? shifts[change] : 0);
    }

    /// <summary>The offset in the original text just after the normalized range ending at <paramref name="end"/>.</summary>
    public int OriginAfter(int end, string original) =>
        end <= 0 || Text.Length == 0 ? 0 : Math.Min(original.Length, NextOrigin(OriginOf(Math.Min(end, Text.Length) - 1), original));

    public static QuoteText Normalize(string text, CancellationToken cancellationToken = default)
    {
        var output = new Output(text.Length);
        if (IsNormalizedC(text))
        {
            Append(text, null, ref output, cancellationToken);
        }
        else
        {
            // A text that is not NFC is normalized word by word: composition never crosses white
            // space, and each normalized character is placed at the start of its word.
            var start = 0;
            while (start < text.Length)
            {
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                if (end > start)
                {
                    Append(ComposeWord(text.Substring(start, end - start)), start, ref output, cancellationToken);
                }

                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    output.Space(end);
                    end++;
                }

                start = end;
            }
        }

        return new QuoteText(new string(output.Characters, 0, output.Length), output.ShiftStarts.ToArray(), output.Shifts.ToArray());
    }

    /// <summary>The parts of a quote between its ellipses (<c>...</c> or <c>…</c>), each normalized; empty parts are dropped.</summary>
    public static IReadOnlyList<QuoteText> SplitAtEllipses(string quote)
    {
        var parts = new List<QuoteText>();
        var start = 0;
        for (var i = 0; i <= quote.Length; i++)
        {
            var ellipsis = i == quote.Length ? 0 : quote[i] == '…' ? 1 : string.CompareOrdinal(quote, i, "...", 0, 3) == 0 ? 3 : 0;
            if (i < quote.Length && ellipsis == 0)
            {
                continue;
            }

            var part = Normalize(quote.Substring(start, i - start));
            if (part.Text.Length > 0)
            {
                parts.Add(part);
            }

            if (i == quote.Length)
            {
                break;
            }

            // The dots of a longer run ("....") belong to the same ellipsis.
            i += ellipsis;
            while (i < quote.Length && quote[i] is '.' or '…')
            {
                i++;
            }

            start = i;
            i--;
        }

        return parts;
    }

    /// <summary>Characters left out of the comparison: quotation marks, tatweel, harakat and invisible format marks.</summary>
    internal static bool IsIgnored(char c) => c switch
    {
        '"' or '“' or '”' or '„' or '«' or '»' or '‹' or '›' => true,
        '\u0640' => true, // tatweel: stretches a word, means nothing
        >= '\u064B' and <= '\u065F' => true, // harakat (fathatan … sukun) and other Arabic vowel marks
        '\u0670' => true, // superscript alef, a vowel mark
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' => true,
        _ => false,
    };

    private static void Append(string text, int? wordOrigin, ref Output output, CancellationToken cancellationToken)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = text[i];
            if (c is (> ' ' and < '\u007F' and not '"') or (>= '\u0621' and <= '\u063A') or (>= '\u0641' and <= '\u064A'))
            {
                output.Add(c, wordOrigin ?? i);
            }
            else if (c == ' ')
            {
                output.Space(wordOrigin ?? i);
            }
            else if (char.IsWhiteSpace(c))
            {
                output.Space(wordOrigin ?? i);
            }
            else if (!IsIgnored(c))
            {
                output.Add(FoldDigit(c), wordOrigin ?? i);
            }
        }
    }

    /// <summary>
    /// The normalized characters, in an array as long as the original (normalizing never lengthens an
    /// NFC text, and a word that grows gets room), and where each comes from, kept as the points where
    /// the shift between the two offsets changes: a few per sentence, rather than an offset per character.
    /// A space is written only before the next kept character, which collapses runs and trims the end.
    /// </summary>
    private struct Output(int capacity)
    {
        public char[] Characters = new char[Math.Max(16, capacity)];
        public List<int> ShiftStarts = new();
        public List<int> Shifts = new();
        public int Length;
        private int pendingSpace = -1;
        private int shift;

        public void Space(int origin)
        {
            if (pendingSpace < 0 && Length > 0)
            {
                pendingSpace = origin;
            }
        }

        public void Add(char c, int origin)
        {
            if (Length + 2 > Characters.Length)
            {
                Array.Resize(ref Characters, Characters.Length * 2);
            }

            if (pendingSpace >= 0)
            {
                Place(' ', pendingSpace);
                pendingSpace = -1;
            }

            Place(c, origin);
        }

        private void Place(char c, int origin)
        {
            if (origin - Length != shift || ShiftStarts.Count == 0)
            {
                shift = origin - Length;
                ShiftStarts.Add(Length);
                Shifts.Add(shift);
            }

            Characters[Length++] = c;
        }
    }

    /// <summary>Arabic-Indic and Eastern Arabic-Indic digits are the same numbers as 0–9, written in another script.</summary>
    private static char FoldDigit(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    private static string ComposeWord(string word)
    {
        try
        {
            return word.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return word;
        }
    }

    private static bool IsNormalizedC(string text)
    {
        // Lone surrogates make IsNormalized throw; such text is reported elsewhere and read as written.
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static int NextOrigin(int origin, string original) =>
        origin + (char.IsHighSurrogate(original[origin]) && origin + 1 < original.Length ? 2 : 1);
}
