namespace StatementDsl.Language.Text;

/// <summary>Where each line of a text starts, after <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>.</summary>
internal static class LineStarts
{
    /// <summary>A larger file's scratch list is left to the collector rather than held by the thread for good.</summary>
    private const int MaxReusedLength = 1 << 18;

    /// <summary>Where a file's line starts are gathered before they are copied into an array of their exact count.</summary>
    [ThreadStatic]
    private static int[]? scratch;

    /// <summary>
    /// The starts of the lines of <paramref name="text"/>. The runtime's vectorized search finds the next
    /// <c>\n</c> and the next <c>\r</c>: most of a file's characters are text between breaks, which a loop
    /// over each character would test one by one.
    /// </summary>
    public static int[] Of<TText>(TText text)
        where TText : struct, ISearchableText
    {
        var starts = scratch ?? new int[1024];
        scratch = null;
        starts[0] = 0;
        var count = 1;
        var length = text.Length;
        var nextFeed = text.IndexOf('\n', 0);
        var nextReturn = text.IndexOf('\r', 0);
        while (nextFeed >= 0 || nextReturn >= 0)
        {
            if (nextReturn >= 0 && (nextFeed < 0 || nextReturn < nextFeed))
            {
                var crlf = nextReturn + 1 < length && text[nextReturn + 1] == '\n';
                Add(ref starts, ref count, nextReturn + (crlf ? 2 : 1));
                if (crlf)
                {
                    nextFeed = nextReturn + 2 < length ? text.IndexOf('\n', nextReturn + 2) : -1;
                }

                nextReturn = nextReturn + 1 < length ? text.IndexOf('\r', nextReturn + 1) : -1;
            }
            else
            {
                Add(ref starts, ref count, nextFeed + 1);
                nextFeed = nextFeed + 1 < length ? text.IndexOf('\n', nextFeed + 1) : -1;
            }
        }

        var exact = new int[count];
        Array.Copy(starts, exact, count);
        if (starts.Length <= MaxReusedLength)
        {
            scratch = starts;
        }

        return exact;
    }

    private static void Add(ref int[] starts, ref int count, int start)
    {
        if (count == starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
        }

        starts[count++] = start;
    }
}

/// <summary>A text that can be searched for a character: a string or the used part of an array, without copying either.</summary>
internal interface ISearchableText
{
    int Length { get; }

    char this[int index] { get; }

    int IndexOf(char value, int start);
}

internal readonly struct StringText(string text) : ISearchableText
{
    public int Length => text.Length;

    public char this[int index] => text[index];

    public int IndexOf(char value, int start) => text.IndexOf(value, start);
}

internal readonly struct ArrayText(char[] characters, int length) : ISearchableText
{
    public int Length => length;

    public char this[int index] => characters[index];

    public int IndexOf(char value, int start) => Array.IndexOf(characters, value, start, length - start);
}
