using System.Text;

namespace StatementDsl.Language.Text;

/// <summary>
/// The text of one <c>.stmt</c> file and the map from offsets to lines and columns. A file given as
/// a string keeps it; a file given as UTF-8 (<see cref="FromUtf8"/>) is decoded into a buffer the
/// thread reuses for the next file once this one is bound and dropped, so reading a corpus allocates
/// no string per file (docs/benchmarks-reading.md).
/// </summary>
public sealed class SourceFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly int[] lineStarts;
    private string? text;

    /// <summary>The decoded UTF-8 of a file given as bytes, until <see cref="Release"/> hands it on.</summary>
    private char[]? characters;

    public SourceFile(string path, string text)
        : this(path, text, null, text.Length)
    {
    }

    private SourceFile(string path, string? text, char[]? characters, int length)
    {
        Path = path;
        this.text = text;
        this.characters = characters;
        Length = length;
        lineStarts = text is not null ? LineStarts.Of(new StringText(text)) : LineStarts.Of(new ArrayText(characters!, length));
        Lines = new LineMap(path, lineStarts, length);
    }

    /// <summary>The path as the caller gave it (the compiler's, the command line's or the editor's).</summary>
    public string Path { get; }

    /// <summary>The text; for a file given as UTF-8, made into a string on first use.</summary>
    public string Text => text ??= new string(Characters, 0, Length);

    /// <summary>The number of UTF-16 code units of the text.</summary>
    public int Length { get; }

    /// <summary>The number of lines, a trailing empty one included.</summary>
    internal int LineCount => lineStarts.Length;

    /// <summary>Lines and columns without the text, for what reports positions after the text is gone.</summary>
    internal LineMap Lines { get; }

    /// <summary>
    /// A file read as UTF-8 (a byte order mark skipped, bytes that are not UTF-8 decoded as U+FFFD, as
    /// the compiler reads it), its text decoded into a buffer of this thread's: the binder hands the
    /// buffer on to the next file once this one is bound (<c>Binder.ParseAndBind</c>), after which
    /// only its path and positions remain. Only a file larger than the limit gets a string of its own.
    /// </summary>
    /// <param name="path">The path to report.</param>
    /// <param name="utf8">A buffer holding the file's bytes from its start.</param>
    /// <param name="count">How many bytes of <paramref name="utf8"/> the file holds.</param>
    public static SourceFile FromUtf8(string path, byte[] utf8, int count)
    {
        var start = count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        if (count - start > Limits.MaxFileLength)
        {
            return new SourceFile(path, Utf8.GetString(utf8, start, count - start));
        }

        // A UTF-8 file never has more UTF-16 code units than bytes.
        var buffer = ThreadCharBuffer.Rent(count - start);
        var length = Utf8.GetChars(utf8, start, count - start, buffer, 0);
        return new SourceFile(path, null, buffer, length);
    }

    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);

    /// <summary>The offset of a 0-based line and character, clamped into the text.</summary>
    public int GetOffset(int zeroBasedLine, int zeroBasedCharacter)
    {
        if (zeroBasedLine >= lineStarts.Length)
        {
            return Length;
        }

        var start = lineStarts[Math.Max(0, zeroBasedLine)];
        var end = zeroBasedLine + 1 < lineStarts.Length ? lineStarts[zeroBasedLine + 1] : Length;
        return Math.Min(start + Math.Max(0, zeroBasedCharacter), end);
    }

    /// <summary>The text as an array for the lexer: the file's own buffer, or the string copied into one the caller hands back with <see cref="ThreadCharBuffer.Return"/>.</summary>
    internal char[] BorrowCharacters(out bool copied)
    {
        if (characters is { } own)
        {
            copied = false;
            return own;
        }

        var copy = ThreadCharBuffer.Rent(Length);
        Text.CopyTo(0, copy, 0, Length);
        copied = true;
        return copy;
    }

    /// <summary>The text of a span, cut from the string or the decoded buffer.</summary>
    internal string Cut(int start, int length) => text is not null ? text.Substring(start, length) : new string(Characters, start, length);

    /// <summary>The decoded buffer of a file given as UTF-8; a file with neither text nor buffer was released.</summary>
    private char[] Characters => characters ?? throw new InvalidOperationException("The file's text was released after binding; read the file again to see it.");

    /// <summary>Hands a decoded buffer on to the next file of this thread: only for a file nobody reads again.</summary>
    internal void Release()
    {
        if (characters is { } buffer)
        {
            characters = null;
            ThreadCharBuffer.Return(buffer);
        }
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
