namespace StatementDsl.Language.Text;

/// <summary>The text of one <c>.stmt</c> file and the map from offsets to lines and columns.</summary>
public sealed class SourceFile
{
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
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
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
