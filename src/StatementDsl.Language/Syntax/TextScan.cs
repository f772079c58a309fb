namespace StatementDsl.Language.Syntax;

/// <summary>
/// The lexer's searches through runs of text, where most characters need no look: the runtime's
/// vectorized searches where the target has them (.NET 8 and later: the command line, the server),
/// a loop over each character for netstandard2.0 (the generator). A search may stop at a candidate
/// that turns out to be ordinary (general punctuation such as U+2019 shares the bidi controls'
/// range); the caller tests the character and searches on.
/// </summary>
/// <remarks>
/// The rare candidates: the bidi controls but one (all within U+200E to U+2069), the ARABIC LETTER
/// MARK (U+061C, inside the Arabic block), the surrogates, and U+FFFD, which the decoder makes of bytes
/// that were not UTF-8.
/// </remarks>
internal static class TextScan
{
    private const char FirstBidiCandidate = '\u200E';
    private const char LastBidiCandidate = '\u2069';
    private const char ArabicLetterMark = '\u061C';
    private const char ReplacementCharacter = '\uFFFD';

#if NET8_0_OR_GREATER
    /// <summary>What ends a string's plain run, made once: a span of values would be analysed again on every search.</summary>
    private static readonly System.Buffers.SearchValues<char> StringStops = System.Buffers.SearchValues.Create("\"\\\r\n\0");
#endif

    /// <summary>
    /// The first index from <paramref name="start"/> before <paramref name="end"/> of a character that
    /// ends a string's plain run (<c>"</c>, <c>\</c>, a line break, NUL) or is a rare candidate;
    /// <paramref name="end"/> when there is none.
    /// </summary>
    public static int IndexOfStringCandidate(char[] text, int start, int end)
    {
#if NET8_0_OR_GREATER
        var span = text.AsSpan(start, end - start);
        return start + IndexOfRareCandidate(span, span.IndexOfAny(StringStops));
#else
        var i = start;
        while (i < end && text[i] is not ('"' or '\\' or '\r' or '\n' or '\0') && !IsRareCandidate(text[i]))
        {
            i++;
        }

        return i;
#endif
    }

    /// <summary>
    /// The first index from <paramref name="start"/> before <paramref name="end"/> of NUL or a rare
    /// candidate, the characters a line of text must be checked for; <paramref name="end"/> when there is none.
    /// </summary>
    public static int IndexOfSpecialCandidate(char[] text, int start, int end)
    {
#if NET8_0_OR_GREATER
        var span = text.AsSpan(start, end - start);
        return start + IndexOfRareCandidate(span, span.IndexOf('\0'));
#else
        var i = start;
        while (i < end && text[i] != '\0' && !IsRareCandidate(text[i]))
        {
            i++;
        }

        return i;
#endif
    }

    /// <summary>The first index from <paramref name="start"/> before <paramref name="end"/> of <c>\r</c> or <c>\n</c>; <paramref name="end"/> when there is none.</summary>
    public static int IndexOfLineBreak(char[] text, int start, int end)
    {
#if NET8_0_OR_GREATER
        var found = text.AsSpan(start, end - start).IndexOfAny('\r', '\n');
        return found < 0 ? end : start + found;
#else
        var i = start;
        while (i < end && text[i] is not ('\r' or '\n'))
        {
            i++;
        }

        return i;
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// The first rare candidate in <paramref name="span"/> before <paramref name="found"/> (where a search
    /// for other characters stopped, -1 when it found none), else <paramref name="found"/>, else the
    /// span's length. Each search covers only what is left before the earliest stop found so far.
    /// </summary>
    private static int IndexOfRareCandidate(ReadOnlySpan<char> span, int found)
    {
        found = Earlier(ref span, found, found);
        found = Earlier(ref span, span.IndexOfAnyInRange(FirstBidiCandidate, LastBidiCandidate), found);
        found = Earlier(ref span, span.IndexOfAnyInRange('\uD800', '\uDFFF'), found);
        found = Earlier(ref span, span.IndexOf(ReplacementCharacter), found);
        found = Earlier(ref span, span.IndexOf(ArabicLetterMark), found);
        return found < 0 ? span.Length : found;
    }

    private static int Earlier(ref ReadOnlySpan<char> span, int index, int found)
    {
        if (index < 0)
        {
            return found;
        }

        span = span.Slice(0, index);
        return index;
    }
#else
    private static bool IsRareCandidate(char c) =>
        c is ArabicLetterMark or ReplacementCharacter || (c >= FirstBidiCandidate && c <= LastBidiCandidate) || char.IsSurrogate(c);
#endif
}
