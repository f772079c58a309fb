using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>A parsed file: its declarations, the end-of-file token (holding trailing trivia) and its syntax diagnostics.</summary>
public sealed class SyntaxFile
{
    private DeclarationSyntax[]? declarations;

    internal SyntaxFile(SourceFile source, MemberTable? members, Token endOfFile, IReadOnlyList<Diagnostic> diagnostics)
    {
        Members = members;
        Source = source;
        EndOfFile = endOfFile;
        Diagnostics = diagnostics;
    }

    public SourceFile Source { get; }

    /// <summary>The file's declarations and fields as records, which the binder reads; null for a file too large to be read.</summary>
    internal MemberTable? Members { get; }

    /// <summary>The top-level declarations, made from the records when first asked for.</summary>
    public IReadOnlyList<DeclarationSyntax> Declarations
    {
        get
        {
            if (declarations is null)
            {
                var made = Members is null ? Array.Empty<DeclarationSyntax>() : Array.ConvertAll(Members.ViewMembers(SyntaxNode.None), m => (DeclarationSyntax)m);
                Interlocked.CompareExchange(ref declarations, made, null);
            }

            return declarations!;
        }
    }

    public Token EndOfFile { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error && d.Rule.Category != "Semantics");

    /// <summary>Hands the file's tokens and records on to the next file parsed on this thread; the tree must not be read after.</summary>
    internal void Release()
    {
        Members?.Tokens.Release();
        Members?.Release();
    }
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

/// <summary>A declaration or a field: a view of its record in the file's <see cref="MemberTable"/>.</summary>
public abstract class MemberSyntax : SyntaxNode
{
    private protected MemberSyntax(MemberTable table, int record)
        : base(table.Tokens)
    {
        Table = table;
        Record = record;
    }

    private protected MemberTable Table { get; }

    private protected int Record { get; }

    private protected ref readonly MemberRecord Data => ref Table[Record];

    public abstract Token FirstToken { get; }

    public abstract Token LastToken { get; }
}

/// <summary><c>kind [id] { members }</c>. <see cref="Kind"/> is null when the kind word is not a known kind.</summary>
public sealed class DeclarationSyntax : MemberSyntax
{
    private MemberSyntax[]? members;

    internal DeclarationSyntax(MemberTable table, int record)
        : base(table, record)
    {
    }

    public Token KindToken => At(Data.KindToken);

    public DeclarationKind? Kind => Data.Kind;

    public Token? Identifier => OptionalAt(Data.Identifier);

    public Token OpenBrace => At(Data.OpenBrace);

    public IReadOnlyList<MemberSyntax> Members
    {
        get
        {
            if (members is null)
            {
                Interlocked.CompareExchange(ref members, Table.ViewMembers(Record), null);
            }

            return members!;
        }
    }

    public Token CloseBrace => At(Data.CloseBrace);

    public override Token FirstToken => KindToken;

    public override Token LastToken => CloseBrace;

    /// <summary>Where diagnostics about the declaration as a whole go: its id, else its kind word.</summary>
    public TextSpan NameSpan => Identifier is { IsMissing: false } id ? id.Span : KindToken.Span;

    /// <summary>
    /// Whether the parser skipped text among the members (reported once, STMT0004): a required field
    /// may be what the author wrote there, so the binder does not also report it missing.
    /// </summary>
    public bool HasSkippedText => Data.HasSkippedText;
}

/// <summary><c>name[@tag]: value</c>.</summary>
public sealed class FieldSyntax : MemberSyntax
{
    /// <summary>The value's node: the list, or, for one token, made when first asked for.</summary>
    private ValueSyntax? value;

    internal FieldSyntax(MemberTable table, int record)
        : base(table, record)
    {
    }

    public Token Name => At(Data.Name);

    public Token? AtSign => OptionalAt(Data.AtSign);

    public Token? LanguageTag => OptionalAt(Data.LanguageTag);

    public Token Colon => At(Data.Colon);

    public ValueSyntax Value
    {
        get
        {
            if (value is null)
            {
                ref readonly var data = ref Data;
                Interlocked.CompareExchange(ref value, data.List ?? (ValueSyntax)new TokenValueSyntax(Tokens, data.ValueToken), null);
            }

            return value!;
        }
    }

    public override Token FirstToken => Name;

    public override Token LastToken => Data.List is { } list ? list.LastToken : At(Data.ValueToken);
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
