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

public enum TriviaKind
{
    Whitespace,
    EndOfLine,
    Comment,

    /// <summary>Text the lexer or parser could not use: kept so that nothing the author wrote is lost.</summary>
    Skipped,
}

public readonly record struct Trivia(TriviaKind Kind, TextSpan Span);

/// <summary>
/// A token with its exact span, its decoded value and the trivia before it. Tokens the parser
/// expected but did not find are <see cref="IsMissing"/> with an empty span, as in Roslyn.
/// </summary>
public sealed class Token
{
    private static readonly IReadOnlyList<Trivia> NoTrivia = Array.Empty<Trivia>();

    public Token(TokenKind kind, TextSpan span, string text, object? value, IReadOnlyList<Trivia>? leadingTrivia, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Value = value;
        LeadingTrivia = leadingTrivia ?? NoTrivia;
        IsMissing = isMissing;
    }

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The source text of the token.</summary>
    public string Text { get; }

    /// <summary>
    /// The decoded value: the NFC-normalized name of an identifier, the content of a string or text
    /// block, a <see cref="DateLiteral"/>, a <see cref="TimeLiteral"/> or a <see cref="long"/>;
    /// null when the literal was malformed.
    /// </summary>
    public object? Value { get; }

    public IReadOnlyList<Trivia> LeadingTrivia { get; }

    public bool IsMissing { get; }

    /// <summary>The identifier's normalized name, or the raw text for other tokens.</summary>
    public string ValueText => Value as string ?? Text;

    public static Token Missing(TokenKind kind, int position) => new(kind, new TextSpan(position, 0), string.Empty, null, null, isMissing: true);

    public override string ToString() => Text;
}
