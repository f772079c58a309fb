using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>A parsed file: its declarations, the end-of-file token (holding trailing trivia) and its syntax diagnostics.</summary>
public sealed class SyntaxFile
{
    private readonly TokenSource? tokens;

    internal SyntaxFile(SourceFile source, TokenSource? tokens, IReadOnlyList<DeclarationSyntax> declarations, Token endOfFile, IReadOnlyList<Diagnostic> diagnostics)
    {
        this.tokens = tokens;
        Source = source;
        Declarations = declarations;
        EndOfFile = endOfFile;
        Diagnostics = diagnostics;
    }

    public SourceFile Source { get; }

    public IReadOnlyList<DeclarationSyntax> Declarations { get; }

    public Token EndOfFile { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error && d.Rule.Category != "Semantics");

    /// <summary>Hands the file's tokens on to the next file parsed on this thread; the tree must not be read after.</summary>
    internal void Release() => tokens?.Release();
}

/// <summary>
/// A node of the tree. Nodes hold their tokens by index into the file's one token list
/// (<see cref="TokenSource"/>) rather than as objects of their own, and hand out copies.
/// </summary>
public abstract class SyntaxNode
{
    /// <summary>No token: an optional one left out.</summary>
    internal const int None = -1;

    private protected SyntaxNode(TokenSource tokens) => Tokens = tokens;

    private protected TokenSource Tokens { get; }

    private protected Token At(int index) => Tokens[index];

    private protected Token? OptionalAt(int index) => index == None ? null : Tokens[index];
}

public abstract class MemberSyntax : SyntaxNode
{
    private protected MemberSyntax(TokenSource tokens)
        : base(tokens)
    {
    }

    public abstract Token FirstToken { get; }

    public abstract Token LastToken { get; }
}

/// <summary><c>kind [id] { members }</c>. <see cref="Kind"/> is null when the kind word is not a known kind.</summary>
public sealed class DeclarationSyntax : MemberSyntax
{
    private readonly int kindToken;
    private readonly int identifier;
    private readonly int openBrace;
    private readonly int closeBrace;

    internal DeclarationSyntax(TokenSource tokens, int kindToken, DeclarationKind? kind, int identifier, int openBrace, IReadOnlyList<MemberSyntax> members, int closeBrace)
        : base(tokens)
    {
        this.kindToken = kindToken;
        Kind = kind;
        this.identifier = identifier;
        this.openBrace = openBrace;
        Members = members;
        this.closeBrace = closeBrace;
    }

    public Token KindToken => At(kindToken);

    public DeclarationKind? Kind { get; }

    public Token? Identifier => OptionalAt(identifier);

    public Token OpenBrace => At(openBrace);

    public IReadOnlyList<MemberSyntax> Members { get; }

    public Token CloseBrace => At(closeBrace);

    public override Token FirstToken => KindToken;

    public override Token LastToken => CloseBrace;

    /// <summary>Where diagnostics about the declaration as a whole go: its id, else its kind word.</summary>
    public TextSpan NameSpan => Identifier is { IsMissing: false } id ? id.Span : KindToken.Span;

    /// <summary>
    /// Whether the parser skipped text among the members (reported once, STMT0004): a required field
    /// may be what the author wrote there, so the binder does not also report it missing.
    /// </summary>
    public bool HasSkippedText { get; init; }
}

/// <summary><c>name[@tag]: value</c>.</summary>
public sealed class FieldSyntax : MemberSyntax
{
    private readonly int name;
    private readonly int atSign;
    private readonly int languageTag;
    private readonly int colon;

    /// <summary>The value's one token, or <see cref="SyntaxNode.None"/> when the value is a list.</summary>
    private readonly int valueToken;

    /// <summary>The value's node: the list, or, for one token, made when first asked for (the binder reads the token alone).</summary>
    private ValueSyntax? value;

    internal FieldSyntax(TokenSource tokens, int name, int atSign, int languageTag, int colon, int valueToken, ListValueSyntax? list)
        : base(tokens)
    {
        this.name = name;
        this.atSign = atSign;
        this.languageTag = languageTag;
        this.colon = colon;
        this.valueToken = valueToken;
        value = list;
    }

    public Token Name => At(name);

    public Token? AtSign => OptionalAt(atSign);

    public Token? LanguageTag => OptionalAt(languageTag);

    public Token Colon => At(colon);

    public ValueSyntax Value
    {
        get
        {
            if (value is null)
            {
                // Published once, so that every reader of the tree sees the same node.
                Interlocked.CompareExchange(ref value, new TokenValueSyntax(Tokens, valueToken), null);
            }

            return value!;
        }
    }

    /// <summary>The value's one token without a node for it; null when the value is a list (<see cref="ListValue"/>).</summary>
    internal Token? ValueToken => OptionalAt(valueToken);

    /// <summary>The value when it is a list.</summary>
    internal ListValueSyntax? ListValue => valueToken == None ? (ListValueSyntax)value! : null;

    /// <summary>The value's span, as <see cref="ValueSyntax.Span"/> gives it, without a node for a single token.</summary>
    internal TextSpan ValueSpan => valueToken == None ? value!.Span : At(valueToken).Span;

    public override Token FirstToken => Name;

    public override Token LastToken => valueToken == None ? value!.LastToken : At(valueToken);
}

public abstract class ValueSyntax : SyntaxNode
{
    private protected ValueSyntax(TokenSource tokens)
        : base(tokens)
    {
    }

    public abstract Token FirstToken { get; }

    public abstract Token LastToken { get; }

    public TextSpan Span
    {
        get
        {
            var start = FirstToken.Span.Start;
            return TextSpan.FromBounds(start, Math.Max(start, LastToken.Span.End));
        }
    }
}

/// <summary>One literal or identifier. The token is missing when the value was left out.</summary>
public sealed class TokenValueSyntax : ValueSyntax
{
    private readonly int token;

    internal TokenValueSyntax(TokenSource tokens, int token)
        : base(tokens) => this.token = token;

    public Token Token => At(token);

    public override Token FirstToken => Token;

    public override Token LastToken => Token;
}

/// <summary><c>[v, v, …]</c>; <see cref="Separators"/> holds the commas as written.</summary>
public sealed class ListValueSyntax : ValueSyntax
{
    private readonly int openBracket;
    private readonly int[] separators;
    private readonly int closeBracket;

    internal ListValueSyntax(TokenSource tokens, int openBracket, IReadOnlyList<ValueSyntax> items, int[] separators, int closeBracket)
        : base(tokens)
    {
        this.openBracket = openBracket;
        Items = items;
        this.separators = separators;
        this.closeBracket = closeBracket;
    }

    public Token OpenBracket => At(openBracket);

    public IReadOnlyList<ValueSyntax> Items { get; }

    public IReadOnlyList<Token> Separators => separators.Select(At).ToList();

    public Token CloseBracket => At(closeBracket);

    public override Token FirstToken => OpenBracket;

    public override Token LastToken
    {
        get
        {
            var close = CloseBracket;
            return close.IsMissing && Items.Count > 0 ? Items[Items.Count - 1].LastToken : close;
        }
    }
}
