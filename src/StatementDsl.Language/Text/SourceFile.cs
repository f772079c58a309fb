namespace StatementDsl.Language.Text;

/// <summary>The text of one <c>.stmt</c> file and the map from offsets to lines and columns.</summary>
public sealed class SourceFile
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly int[] lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
        lineStarts = ComputeLineStarts(text);
        Lines = new LineMap(path, lineStarts, text.Length);
    }

    /// <summary>The path as the caller gave it (the compiler's, the command line's or the editor's).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The number of lines, a trailing empty one included.</summary>
    internal int LineCount => lineStarts.Length;

    /// <summary>Lines and columns without the text, for what reports positions after the text is gone.</summary>
    internal LineMap Lines { get; }

    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);

    /// <summary>The offset of a 0-based line and character, clamped into the text.</summary>
    public int GetOffset(int zeroBasedLine, int zeroBasedCharacter)
    {
        if (zeroBasedLine >= lineStarts.Length)
        {
            return Text.Length;
        }

        var start = lineStarts[Math.Max(0, zeroBasedLine)];
        var end = zeroBasedLine + 1 < lineStarts.Length ? lineStarts[zeroBasedLine + 1] : Text.Length;
        return Math.Min(start + Math.Max(0, zeroBasedCharacter), end);
    }

    private static int[] ComputeLineStarts(string text)
    {
        // The search for the next line break is the runtime's vectorized one: most of a file's characters
        // are text between breaks, which a loop over each character would test one by one.
        var starts = new List<int> { 0 };
        var lineBreak = text.IndexOfAny(LineBreaks);
        while (lineBreak >= 0)
        {
            var next = text[lineBreak] == '\r' && lineBreak + 1 < text.Length && text[lineBreak + 1] == '\n' ? lineBreak + 2 : lineBreak + 1;
            starts.Add(next);
            lineBreak = next < text.Length ? text.IndexOfAny(LineBreaks, next) : -1;
        }

        return starts.ToArray();
    }
}

/// <summary>The map from offsets to lines and columns of one file, kept apart from its text.</summary>
internal sealed class LineMap(string path, int[] lineStarts, int length)
{
    public string Path { get; } = path;

    public LinePosition GetPosition(int offset)
    {
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > length)
        {
            offset = length;
        }

        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - lineStarts[line] + 1);
    }
}
