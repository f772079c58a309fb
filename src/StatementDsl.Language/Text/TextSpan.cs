namespace StatementDsl.Language.Text;

/// <summary>A range of UTF-16 code units in a file's text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
}

/// <summary>A 1-based line and column (column counted in UTF-16 code units, as Roslyn does).</summary>
public readonly record struct LinePosition(int Line, int Column);
