using System.Globalization;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>
/// Recursive descent over the token list with Roslyn-style recovery: a missing token is synthesized
/// and reported once at the end of the token before it; unusable tokens are skipped with one
/// diagnostic. Recursion is bounded by <see cref="Limits.MaxNestingDepth"/>; deeper input is skipped
/// iteratively, so no input can overflow the stack.
/// </summary>
public sealed class Parser
{
    private readonly SourceFile file;
    private readonly DiagnosticBag diagnostics;
    private readonly CancellationToken cancellationToken;
    private readonly ParseDetail detail;
    private TokenSource source = null!;
    private List<Token> tokens = null!;
    private MemberTable members = null!;

    /// <summary>The records of the declarations being parsed, innermost last: each takes its own as one range of the table when it closes.</summary>
    private readonly List<int> openMembers = new();

    /// <summary>Where the lexed tokens end: tokens the parser makes up for what is missing go after it.</summary>
    private int endOfFile;
    private int index;

    /// <summary>Set when a text block swallowed the rest of the file: what is then missing was already reported once.</summary>
    private bool endAlreadyReported;

    private Parser(SourceFile file, ParseDetail detail, CancellationToken cancellationToken)
    {
        this.file = file;
        this.detail = detail;
        this.cancellationToken = cancellationToken;
        diagnostics = new DiagnosticBag(file);
    }

    public static SyntaxFile Parse(SourceFile file, CancellationToken cancellationToken = default) =>
        new Parser(file, ParseDetail.Full, cancellationToken).ParseFile();

    /// <summary>The same tree and diagnostics as <see cref="Parse"/>, without trivia: for a host that binds the tree and drops it.</summary>
    internal static SyntaxFile ParseForBinding(SourceFile file, CancellationToken cancellationToken) =>
        new Parser(file, ParseDetail.WithoutTrivia, cancellationToken).ParseFile();

    /// <summary>
    /// The file's structure only, for reading its ids: strings and text blocks are scanned but get no
    /// value (the declaring pass would otherwise copy every text of the corpus to throw it away). The
    /// same declarations as <see cref="Parse"/>; not for binding.
    /// </summary>
    internal static SyntaxFile ParseStructure(SourceFile file, CancellationToken cancellationToken) =>
        new Parser(file, ParseDetail.Structure, cancellationToken).ParseFile();

    private Token Current => tokens[index];

    private Token Previous => tokens[Math.Max(0, index - 1)];

    private Token Peek(int offset) => tokens[Math.Min(index + offset, endOfFile)];

    private SyntaxFile ParseFile()
    {
        if (file.Length > Limits.MaxFileLength)
        {
            diagnostics.Report(Rules.LimitExceeded, new TextSpan(0, 0),
                string.Concat("File of ", file.Length.ToString(CultureInfo.InvariantCulture), " characters is larger than the limit of ",
                    Limits.MaxFileLength.ToString(CultureInfo.InvariantCulture), "; it is not read"));
            return new SyntaxFile(file, null, Token.Missing(TokenKind.EndOfFile, 0), diagnostics.Items);
        }

        var lexer = new Lexer(file, diagnostics, detail, cancellationToken);
        source = lexer.Lex();
        tokens = source.Tokens;
        members = new MemberTable(source, reuseReleasedLists: detail != ParseDetail.Full);
        endOfFile = tokens.Count - 1;
        return ParseTokens(lexer);
    }

    private SyntaxFile ParseTokens(Lexer lexer)
    {
        endAlreadyReported = lexer.ReachedEndInsideTextBlock;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (StartsDeclaration())
            {
                openMembers.Add(ParseDeclaration(1));
                continue;
            }

            ReportUnexpected("a declaration such as 'person id { … }'");
            do
            {
                index++;
            }
            while (Current.Kind != TokenKind.EndOfFile && !StartsDeclaration());
        }

        var count = openMembers.Count;
        members.SetTopLevel(members.TakeMembers(openMembers, 0), count);
        return new SyntaxFile(file, members, Current, diagnostics.Items);
    }

    /// <summary>Writes a declaration's record, its members those added to the open list from <paramref name="firstMember"/> on; gives its index.</summary>
    private int Declaration(int record, int kindToken, DeclarationKind? kind, int identifier, int openBrace, int closeBrace, int firstMember, bool hasSkippedText)
    {
        var count = openMembers.Count - firstMember;
        members.Set(record, MemberRecord.Declaration(kindToken, kind, identifier, openBrace, closeBrace, members.TakeMembers(openMembers, firstMember), count, hasSkippedText));
        return record;
    }

    private bool StartsDeclaration() =>
        Current.Kind == TokenKind.Identifier && Peek(1).Kind is TokenKind.Identifier or TokenKind.OpenBrace;

    /// <summary>A declaration and its members; gives the index of its record.</summary>
    private int ParseDeclaration(int depth)
    {
        var record = members.Reserve();
        var firstMember = openMembers.Count;
        var kindIndex = Advance();
        var kindToken = tokens[kindIndex];
        var kind = DeclarationKinds.Find(kindToken.ValueText);
        if (kind is null)
        {
            diagnostics.Report(Rules.Expected, kindToken.Span, "a declaration kind (" + DeclarationKinds.AllNames + ")", Describe(kindToken));
        }

        var identifier = Current.Kind == TokenKind.Identifier ? Advance() : SyntaxNode.None;
        if (Current.Kind != TokenKind.OpenBrace)
        {
            ReportMissing("'{' to open the declaration");
            return Declaration(record, kindIndex, kind, identifier, AddMissing(TokenKind.OpenBrace), AddMissing(TokenKind.CloseBrace), firstMember, hasSkippedText: false);
        }

        var openBrace = Advance();
        if (depth > Limits.MaxNestingDepth)
        {
            diagnostics.Report(Rules.LimitExceeded, kindToken.Span,
                string.Concat("Declarations nested deeper than ", Limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture), " levels; this one is skipped"));
            return Declaration(record, kindIndex, null, identifier, openBrace, SkipBalanced(TokenKind.OpenBrace, TokenKind.CloseBrace), firstMember, hasSkippedText: false);
        }

        var skippedMembers = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = Current;
            if (token.Kind == TokenKind.CloseBrace)
            {
                return Declaration(record, kindIndex, kind, identifier, openBrace, Advance(), firstMember, skippedMembers);
            }

            if (token.Kind == TokenKind.EndOfFile || (StartsDeclaration() && IsSiblingOf(kindToken)))
            {
                ReportMissing(string.Concat("'}' to close '", kindToken.Text, identifier == SyntaxNode.None ? string.Empty : " " + tokens[identifier].Text, "' (line ",
                    file.GetPosition(kindToken.Span.Start).Line.ToString(CultureInfo.InvariantCulture), ")"));
                return Declaration(record, kindIndex, kind, identifier, openBrace, AddMissing(TokenKind.CloseBrace), firstMember, skippedMembers);
            }

            if (token.Kind == TokenKind.Identifier)
            {
                var next = Peek(1).Kind;
                if (next is TokenKind.Identifier or TokenKind.OpenBrace)
                {
                    openMembers.Add(ParseDeclaration(depth + 1));
                    continue;
                }

                if (next is TokenKind.Colon or TokenKind.At || StartsValue(next))
                {
                    openMembers.Add(ParseField(depth));
                    continue;
                }
            }

            ReportUnexpected("a field ('name: value'), a nested declaration or '}'");
            skippedMembers = true;
            do
            {
                index++;
            }
            while (Current.Kind is not (TokenKind.Identifier or TokenKind.CloseBrace or TokenKind.EndOfFile));
        }
    }

    /// <summary>
    /// A declaration that starts a line at or left of its parent's column is the parent's sibling:
    /// the parent lost its '}' and must not swallow what follows.
    /// </summary>
    private bool IsSiblingOf(Token parentKind)
    {
        var parent = file.GetPosition(parentKind.Span.Start);
        var current = file.GetPosition(Current.Span.Start);
        return current.Line > file.GetPosition(Previous.Span.End).Line && current.Column <= parent.Column;
    }

    /// <summary>A field; gives the index of its record.</summary>
    private int ParseField(int depth)
    {
        var name = Advance();
        var atSign = SyntaxNode.None;
        var tag = SyntaxNode.None;
        if (Current.Kind == TokenKind.At)
        {
            atSign = Advance();
            if (Current.Kind == TokenKind.Identifier)
            {
                tag = Advance();
            }
            else
            {
                ReportMissing("a language tag such as 'en' or 'ar' after '@'");
                tag = AddMissing(TokenKind.Identifier);
            }
        }

        int colon;
        if (Current.Kind == TokenKind.Colon)
        {
            colon = Advance();
        }
        else
        {
            ReportMissing(string.Concat("':' after the field name '", tokens[name].Text, "'"));
            colon = AddMissing(TokenKind.Colon);
        }

        var value = ParseValue(name, depth, out var list);
        return members.Add(MemberRecord.Field(name, atSign, tag, colon, value, list));
    }

    private static bool StartsValue(TokenKind kind) => kind is TokenKind.String or TokenKind.TextBlock or TokenKind.Date
        or TokenKind.Time or TokenKind.Integer or TokenKind.OpenBracket;

    /// <summary>A field's or a list item's value: the index of its one token, or <see cref="SyntaxNode.None"/> and the list.</summary>
    /// <param name="fieldName">The index of the field's name token: its text is cut only for a message, not for every field.</param>
    /// <param name="depth">How deep the value stands, for the nesting limit.</param>
    /// <param name="list">The list, when the value is one.</param>
    private int ParseValue(int fieldName, int depth, out ListValueSyntax? list)
    {
        list = null;
        var token = Current;
        if (StartsValue(token.Kind) && token.Kind != TokenKind.OpenBracket)
        {
            return Advance();
        }

        if (token.Kind == TokenKind.Identifier && Peek(1).Kind is not (TokenKind.Colon or TokenKind.At or TokenKind.OpenBrace))
        {
            return Advance();
        }

        if (token.Kind == TokenKind.OpenBracket)
        {
            list = ParseList(fieldName, depth + 1);
            return SyntaxNode.None;
        }

        if (token.Kind == TokenKind.Colon && (StartsValue(Peek(1).Kind) || Peek(1).Kind == TokenKind.Identifier))
        {
            // A stray second ':' ('name: : "x"'): one diagnostic at it, and the value after it still binds.
            ReportUnexpected(string.Concat("a value for '", tokens[fieldName].Text, "'"));
            index++;
            return ParseValue(fieldName, depth, out list);
        }

        ReportMissing(string.Concat("a value for '", tokens[fieldName].Text, "'"));
        return AddMissing(TokenKind.Identifier);
    }

    private ListValueSyntax ParseList(int fieldName, int depth)
    {
        var openBracket = Advance();
        if (depth > Limits.MaxNestingDepth)
        {
            diagnostics.Report(Rules.LimitExceeded, tokens[openBracket].Span,
                string.Concat("Lists nested deeper than ", Limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture), " levels; this one is skipped"));
            return new ListValueSyntax(source, openBracket, Array.Empty<ValueSyntax>(), Array.Empty<int>(), SkipBalanced(TokenKind.OpenBracket, TokenKind.CloseBracket));
        }

        var items = new List<ValueSyntax>();
        var separators = new List<int>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = Current;
            if (token.Kind == TokenKind.CloseBracket)
            {
                return new ListValueSyntax(source, openBracket, items, separators.ToArray(), Advance());
            }

            if (token.Kind == TokenKind.Comma)
            {
                if (items.Count == separators.Count)
                {
                    diagnostics.Report(Rules.Expected, token.Span, "a list item before ','", "','");
                }

                separators.Add(Advance());
                continue;
            }

            var fieldFollows = token.Kind == TokenKind.Identifier && Peek(1).Kind is TokenKind.Colon or TokenKind.At or TokenKind.OpenBrace;
            if ((StartsValue(token.Kind) || token.Kind == TokenKind.Identifier) && !fieldFollows)
            {
                if (items.Count > separators.Count)
                {
                    ReportMissing("',' between list items");
                }

                var item = ParseValue(fieldName, depth, out var nested);
                items.Add(nested ?? (ValueSyntax)new TokenValueSyntax(source, item));
                continue;
            }

            ReportMissing("']' to close the list of '" + tokens[fieldName].Text + "'");
            return new ListValueSyntax(source, openBracket, items, separators.ToArray(), AddMissing(TokenKind.CloseBracket));
        }
    }

    /// <summary>Skips to the token that closes the one just read, counting iteratively; gives its index.</summary>
    private int SkipBalanced(TokenKind open, TokenKind close)
    {
        var level = 1;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if ((index & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var read = Advance();
            var kind = tokens[read].Kind;
            if (kind == open)
            {
                level++;
            }
            else if (kind == close && --level == 0)
            {
                return read;
            }
        }

        return AddMissing(close);
    }

    /// <summary>Moves past the current token (never past the end of the file) and gives its index.</summary>
    private int Advance()
    {
        var read = index;
        if (index < endOfFile)
        {
            index++;
        }

        return read;
    }

    /// <summary>A token the parser expected and did not find, at the end of the token before it; gives its index.</summary>
    private int AddMissing(TokenKind kind) => source.Add(Token.Missing(kind, Previous.Span.End));

    /// <summary>A token the parser expected is absent: report at the end of the token before it, where the user looks.</summary>
    private void ReportMissing(string expected)
    {
        if ((endAlreadyReported && Current.Kind == TokenKind.EndOfFile) || (index > 0 && Previous.IsUnterminated))
        {
            return;
        }

        var at = index == 0 ? 0 : Previous.Span.End;
        diagnostics.Report(Rules.Expected, new TextSpan(at, 0), expected, Describe(Current));
    }

    private void ReportUnexpected(string expected) => diagnostics.Report(Rules.Expected, Current.Span, expected, Describe(Current));

    internal static string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "the end of the file",
        TokenKind.String => "a string",
        TokenKind.TextBlock => "a text block",
        TokenKind.Date => "the date '" + token.Text + "'",
        TokenKind.Time => "the time '" + token.Text + "'",
        TokenKind.Integer => "the number '" + Lexer.Shorten(token.Text) + "'",
        _ => "'" + Lexer.Escape(Lexer.Shorten(token.Text)) + "'",
    };
}

/// <summary>How much of a file a parse keeps, for hosts that need less than the full-fidelity tree.</summary>
internal enum ParseDetail
{
    /// <summary>Every token, value and trivia: what the formatter and the editor read.</summary>
    Full,

    /// <summary>Tokens and values without line breaks and comments: a tree that is bound and dropped.</summary>
    WithoutTrivia,

    /// <summary>Tokens without the values of strings and text blocks, and without trivia: enough to read the ids.</summary>
    Structure,
}
