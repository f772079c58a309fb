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
/// every trivia of the file in one list, and the tokens themselves, which syntax nodes hold by
/// index. One object per file rather than one per token keeps the collector's work per file small.
/// </summary>
internal sealed class TokenSource
{
    /// <summary>A huge file's token list and member table are left to the collector rather than held by the thread for good.</summary>
    internal const int MaxReusedCapacity = 1 << 16;

    /// <summary>What reading a tree after it was bound and dropped says (its tokens and records went to the next file).</summary>
    internal const string ReleasedTree = "The syntax tree was released after binding; parse the file again to read it.";

    /// <summary>The token list of a tree already bound and dropped, for the next file parsed on this thread.</summary>
    [ThreadStatic]
    private static List<Token>? released;

    private List<Token>? tokens;

    public TokenSource(SourceFile file, int expectedTokens, bool reuseReleasedList)
    {
        File = file;
        if (reuseReleasedList && released is { } list)
        {
            released = null;
            tokens = list;
        }
        else
        {
            tokens = new List<Token>(expectedTokens);
        }
    }

    public SourceFile File { get; }

    public List<Trivia> Trivia { get; set; } = new();

    /// <summary>The tokens, those the parser made up for what was missing after the end-of-file token.</summary>
    public List<Token> Tokens => tokens ?? throw new InvalidOperationException(ReleasedTree);

    public Token this[int index] => Tokens[index];

    /// <summary>Adds a token and gives its index.</summary>
    public int Add(Token token)
    {
        Tokens.Add(token);
        return tokens!.Count - 1;
    }

    /// <summary>Hands the token list to the next file parsed on this thread: only for a tree nobody reads again.</summary>
    public void Release()
    {
        if (tokens is { } list && list.Capacity <= MaxReusedCapacity)
        {
            list.Clear();
            released = list;
        }

        tokens = null;
    }
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
/// expected but did not find are <see cref="IsMissing"/> with an empty span, as in Roslyn. A value,
/// not an object: a file's tokens live in one list, which a tree bound and dropped hands on to the
/// next file (docs/benchmarks.md).
/// </summary>
public readonly struct Token : IEquatable<Token>
{
    private readonly TokenSource? source;
    private readonly int triviaStart;
    private readonly int triviaCount;
    private readonly Flags flags;

    internal Token(TokenKind kind, TextSpan span, object? value, TokenSource? source, int triviaStart, int triviaCount)
        : this(kind, span, value, source, triviaStart, triviaCount, Flags.None)
    {
    }

    private Token(TokenKind kind, TextSpan span, object? value, TokenSource? source, int triviaStart, int triviaCount, Flags flags)
    {
        Kind = kind;
        Span = span;
        Value = value;
        this.source = source;
        this.triviaStart = triviaStart;
        this.triviaCount = triviaCount;
        this.flags = flags;
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Missing = 1,
        Unterminated = 2,
    }

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>
    /// The source text of the token, cut from the file on demand: keeping a copy per token would
    /// double the memory of every string and text block (measured: docs/benchmarks.md).
    /// </summary>
    public string Text => IsMissing || source is null ? string.Empty : source.File.Cut(Span.Start, Span.Length);

    /// <summary>
    /// The decoded value: the NFC-normalized name of an identifier, the content of a string or text
    /// block, a <see cref="DateLiteral"/>, a <see cref="TimeLiteral"/> or a <see cref="long"/>;
    /// null when the literal was malformed.
    /// </summary>
    public object? Value { get; }

    public TriviaList LeadingTrivia => source is null ? default : new TriviaList(source, triviaStart, triviaCount);

    public bool IsMissing => (flags & Flags.Missing) != 0;

    /// <summary>A string the author left open (STMT0002): what the parser then misses right after it is part of the same mistake.</summary>
    internal bool IsUnterminated => (flags & Flags.Unterminated) != 0;

    /// <summary>The identifier's normalized name, or the raw text for other tokens.</summary>
    public string ValueText => Value as string ?? Text;

    /// <summary>The token's length in the source, without cutting its text.</summary>
    public int TextLength => Span.Length;

    public static Token Missing(TokenKind kind, int position) => new(kind, new TextSpan(position, 0), null, null, 0, 0, Flags.Missing);

    public static bool operator ==(Token left, Token right) => left.Equals(right);

    public static bool operator !=(Token left, Token right) => !left.Equals(right);

    internal Token AsUnterminated() => new(Kind, Span, Value, source, triviaStart, triviaCount, flags | Flags.Unterminated);

    /// <summary>The same token of the same file: tokens are compared by where they stand, not by value.</summary>
    public bool Equals(Token other) => ReferenceEquals(source, other.source) && Span == other.Span && Kind == other.Kind && flags == other.flags;

    public override bool Equals(object? obj) => obj is Token other && Equals(other);

    public override int GetHashCode() => Span.GetHashCode() ^ (int)Kind;

    public override string ToString() => Text;
}
