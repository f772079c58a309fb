using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>A parsed file: its declarations, the end-of-file token (holding trailing trivia) and its syntax diagnostics.</summary>
public sealed class SyntaxFile
{
    public SyntaxFile(SourceFile source, IReadOnlyList<DeclarationSyntax> declarations, Token endOfFile, IReadOnlyList<Diagnostic> diagnostics)
    {
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
}

public abstract class MemberSyntax
{
    public abstract Token FirstToken { get; }

    public abstract Token LastToken { get; }
}

/// <summary><c>kind [id] { members }</c>. <see cref="Kind"/> is null when the kind word is not a known kind.</summary>
public sealed class DeclarationSyntax : MemberSyntax
{
    public DeclarationSyntax(Token kindToken, DeclarationKind? kind, Token? identifier, Token openBrace, IReadOnlyList<MemberSyntax> members, Token closeBrace)
    {
        KindToken = kindToken;
        Kind = kind;
        Identifier = identifier;
        OpenBrace = openBrace;
        Members = members;
        CloseBrace = closeBrace;
    }

    public Token KindToken { get; }

    public DeclarationKind? Kind { get; }

    public Token? Identifier { get; }

    public Token OpenBrace { get; }

    public IReadOnlyList<MemberSyntax> Members { get; }

    public Token CloseBrace { get; }

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
    public FieldSyntax(Token name, Token? atSign, Token? languageTag, Token colon, ValueSyntax value)
    {
        Name = name;
        AtSign = atSign;
        LanguageTag = languageTag;
        Colon = colon;
        Value = value;
    }

    public Token Name { get; }

    public Token? AtSign { get; }

    public Token? LanguageTag { get; }

    public Token Colon { get; }

    public ValueSyntax Value { get; }

    public override Token FirstToken => Name;

    public override Token LastToken => Value.LastToken;
}

public abstract class ValueSyntax
{
    public abstract Token FirstToken { get; }

    public abstract Token LastToken { get; }

    public TextSpan Span => TextSpan.FromBounds(FirstToken.Span.Start, Math.Max(FirstToken.Span.Start, LastToken.Span.End));
}

/// <summary>One literal or identifier. The token is missing when the value was left out.</summary>
public sealed class TokenValueSyntax : ValueSyntax
{
    public TokenValueSyntax(Token token) => Token = token;

    public Token Token { get; }

    public override Token FirstToken => Token;

    public override Token LastToken => Token;
}

/// <summary><c>[v, v, …]</c>; <see cref="Separators"/> holds the commas as written.</summary>
public sealed class ListValueSyntax : ValueSyntax
{
    public ListValueSyntax(Token openBracket, IReadOnlyList<ValueSyntax> items, IReadOnlyList<Token> separators, Token closeBracket)
    {
        OpenBracket = openBracket;
        Items = items;
        Separators = separators;
        CloseBracket = closeBracket;
    }

    public Token OpenBracket { get; }

    public IReadOnlyList<ValueSyntax> Items { get; }

    public IReadOnlyList<Token> Separators { get; }

    public Token CloseBracket { get; }

    public override Token FirstToken => OpenBracket;

    public override Token LastToken => CloseBracket.IsMissing && Items.Count > 0 ? Items[Items.Count - 1].LastToken : CloseBracket;
}
