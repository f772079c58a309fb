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

/// <summary>Holds every trivia of a file in one array, filled when lexing ends, so tokens need no array each.</summary>
internal sealed class TriviaStore
{
    public List<Trivia> Items { get; set; } = new();
}

/// <summary>The trivia before one token: a slice of the file's <see cref="TriviaStore"/>.</summary>
public readonly struct TriviaList : IReadOnlyList<Trivia>
{
    private readonly TriviaStore? store;
    private readonly int start;

    internal TriviaList(TriviaStore store, int start, int count)
    {
        this.store = store;
        this.start = start;
        Count = count;
    }

    public int Count { get; }

    public Trivia this[int index] => index >= 0 && index < Count ? store!.Items[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Trivia> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return store!.Items[start + i];
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
    private readonly string source;

    /// <param name="source">The whole file text; the token's text is read from it only when asked for.</param>
    public Token(TokenKind kind, TextSpan span, string source, object? value, TriviaList leadingTrivia, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        this.source = source;
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
    public string Text => IsMissing ? string.Empty : source.Substring(Span.Start, Span.Length);

    /// <summary>
    /// The decoded value: the NFC-normalized name of an identifier, the content of a string or text
    /// block, a <see cref="DateLiteral"/>, a <see cref="TimeLiteral"/> or a <see cref="long"/>;
    /// null when the literal was malformed.
    /// </summary>
    public object? Value { get; }

    public TriviaList LeadingTrivia { get; }

    public bool IsMissing { get; }

    /// <summary>The identifier's normalized name, or the raw text for other tokens.</summary>
    public string ValueText => Value as string ?? Text;

    /// <summary>The token's length in the source, without cutting its text.</summary>
    public int TextLength => Span.Length;

    public static Token Missing(TokenKind kind, int position) => new(kind, new TextSpan(position, 0), string.Empty, null, default, isMissing: true);

    public override string ToString() => Text;
}
