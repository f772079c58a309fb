using StatementDsl.Language.Syntax;

namespace StatementDsl.Tests.Language;

/// <summary>The lexer's vectorized searches stop exactly where a test of each character would.</summary>
public class TextScanTests
{
    /// <summary>Ordinary text of several scripts, the general punctuation that shares the bidi controls' range, and every special character.</summary>
    private const string Alphabet = "aZ 09-.ابتعمر中文한\u00E9\u2013\u2019\u201C\u2026\uFB50\uFEFF\u200D"
        + "\"\\\r\n\0\uFFFD\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uD83D\uDE00";

    private static bool IsRare(char c) => c is '\u061C' or '\uFFFD' || (c >= '\u200E' && c <= '\u2069') || char.IsSurrogate(c);

    [Fact]
    public void Each_search_finds_the_first_character_a_test_per_character_finds()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 4000; round++)
        {
            // Long runs of one or two ordinary characters cross the vector widths; special ones are rarer.
            var length = random.Next(0, 300);
            var text = new char[length + 8];
            var ordinary = Alphabet[random.Next(0, 17)];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = random.Next(0, 60) == 0 ? Alphabet[random.Next(0, Alphabet.Length)] : ordinary;
            }

            var start = random.Next(0, Math.Max(1, length / 4));
            var end = random.Next(start, length + 1);
            Assert.Equal(First(text, start, end, c => c is '"' or '\\' or '\r' or '\n' or '\0' || IsRare(c)), TextScan.IndexOfStringCandidate(text, start, end));
            Assert.Equal(First(text, start, end, c => c == '\0' || IsRare(c)), TextScan.IndexOfSpecialCandidate(text, start, end));
            Assert.Equal(First(text, start, end, c => c is '\r' or '\n'), TextScan.IndexOfLineBreak(text, start, end));
        }
    }

    [Fact]
    public void Punctuation_that_shares_the_bidi_range_stays_plain_text()
    {
        var typeset = "\u2018quoted\u2019 \u2014 and so on\u2026 " + new string('ع', 100) + " \u201Cend\u201D";
        var file = new StatementDsl.Language.Text.SourceFile("t.stmt", "\"" + typeset + "\"\n\"\"\"\n  " + typeset + "\n  \"\"\"");
        var bag = new StatementDsl.Language.Diagnostics.DiagnosticBag(file);
        var tokens = new Lexer(file, bag).LexAll();

        Assert.Empty(bag.Items);
        Assert.Equal(typeset, tokens[0].Value);
        Assert.Equal(typeset, tokens[1].Value);
    }

    private static int First(char[] text, int start, int end, Func<char, bool> stops)
    {
        for (var i = start; i < end; i++)
        {
            if (stops(text[i]))
            {
                return i;
            }
        }

        return end;
    }
}
