using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

public enum TokenKind
{
    EndOfFile,
    Identifier,
    String,
    TextBlock,
    Date,
    Time,
    Integer,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    At,
}

/// <summary>Line breaks, comments and skipped text; spaces between tokens are not kept.</summary>
public enum TriviaKind
{
    EndOfLine,
    Comment,

    /// <summary>Text the lexer or parser could not use: kept so that nothing the author wrote is lost.</summary>
    Skipped,
}

public readonly record struct Trivia(TriviaKind Kind, TextSpan Span);

/// <summary>
/// What the tokens of one file share: the file's text, which a token's text is cut from on demand,
/// and every trivia of the file in one list, filled when lexing ends, so tokens need no array each.
/// One reference per token for both keeps tokens small.
/// </summary>
internal sealed class TokenSource
{
    public TokenSource(string text) => Text = text;

    public string Text { get; }

    public List<Trivia> Trivia { get; set; } = new();
}

/// <summary>The trivia before one token: a slice of the file's <see cref="TokenSource"/>.</summary>
public readonly struct TriviaList : IReadOnlyList<Trivia>
{
    private readonly int start;

    internal TriviaList(TokenSource source, int start, int count)
    {
        Source = source;
        this.start = start;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The file the token stands in; null only for a missing token.</summary>
    internal TokenSource? Source { get; }

    public Trivia this[int index] => index >= 0 && index < Count ? Source!.Trivia[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Trivia> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Source!.Trivia[start + i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A token with its exact span, its decoded value and the trivia before it. Tokens the parser
/// expected but did not find are <see cref="IsMissing"/> with an empty span, as in Roslyn.
/// </summary>
public sealed class Token
{
    internal Token(TokenKind kind, TextSpan span, object? value, TriviaList leadingTrivia, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        Value = value;
        LeadingTrivia = leadingTrivia;
        IsMissing = isMissing;
    }

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>
    /// The source text of the token, cut from the file on demand: keeping a copy per token would
    /// double the memory of every string and text block (measured: docs/benchmarks.md).
    /// </summary>
    public string Text => IsMissing ? string.Empty : LeadingTrivia.Source!.Text.Substring(Span.Start, Span.Length);

    /// <summary>
    /// The decoded value: the NFC-normalized name of an identifier, the content of a string or text
    /// block, a <see cref="DateLiteral"/>, a <see cref="TimeLiteral"/> or a <see cref="long"/>;
    /// null when the literal was malformed.
    /// </summary>
    public object? Value { get; }

    public TriviaList LeadingTrivia { get; }

    public bool IsMissing { get; }

    /// <summary>A string the author left open (STMT0002): what the parser then misses right after it is part of the same mistake.</summary>
    internal bool IsUnterminated { get; init; }

    /// <summary>The identifier's normalized name, or the raw text for other tokens.</summary>
    public string ValueText => Value as string ?? Text;

    /// <summary>The token's length in the source, without cutting its text.</summary>
    public int TextLength => Span.Length;

    public static Token Missing(TokenKind kind, int position) => new(kind, new TextSpan(position, 0), null, default, isMissing: true);

    public override string ToString() => Text;
}
