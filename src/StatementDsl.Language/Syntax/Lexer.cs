using System.Globalization;
using System.Text;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Syntax;

/// <summary>
/// Turns the text of a file into tokens in one forward pass (linear time, no backtracking), keeping
/// comments, white space and skipped text as trivia. It never throws on any input.
/// </summary>
public sealed class Lexer
{
    private const int CharactersPerTokenEstimate = 20;

    /// <summary>A longer text block gets a buffer of its own rather than one the thread keeps for good.</summary>
    private const int MaxReusedTextBlockBuffer = 1 << 16;

    /// <summary>Where a text block's value is assembled before it is copied into its string; one per thread, grown to the longest block.</summary>
    [ThreadStatic]
    private static char[]? textBlockBuffer;

    /// <summary>The file's text: its own decoded buffer, or its string copied into one this thread lends while the file is lexed.</summary>
    private readonly char[] text;
    private readonly int textLength;
    private readonly bool textCopied;
    private readonly DiagnosticBag diagnostics;
    private readonly CancellationToken cancellationToken;
    private readonly List<Trivia> trivia;

    /// <summary>The lines of the text block being read, reused across the file's text blocks.</summary>
    private readonly List<(int Start, int End)> textBlockLines = new();
    private readonly TokenSource tokenSource;

    /// <summary>False when only the file's structure and ids are wanted: strings and text blocks then get no value.</summary>
    private readonly bool decodeText;

    /// <summary>False when the tree is only bound and dropped: nothing reads its line breaks and comments then.</summary>
    private readonly bool keepTrivia;
    private int triviaStart;
    private int position;

    /// <summary>The <c>{</c> and <c>[</c> read and not yet closed, innermost last: what an open string may give its closers back to.</summary>
    private readonly List<char> openBrackets = new();

    public Lexer(SourceFile file, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
        : this(file, diagnostics, ParseDetail.Full, cancellationToken)
    {
    }

    internal Lexer(SourceFile file, DiagnosticBag diagnostics, ParseDetail detail, CancellationToken cancellationToken)
    {
        text = file.BorrowCharacters(out textCopied);
        textLength = file.Length;

        // Typical files hold a token per 20-odd characters; sizing the list for that spares most of its regrowth copies.
        // A tree that is bound and dropped takes the list the last such tree released.
        tokenSource = new TokenSource(file, textLength / CharactersPerTokenEstimate + 16, reuseReleasedList: detail != ParseDetail.Full);
        decodeText = detail != ParseDetail.Structure;
        keepTrivia = detail == ParseDetail.Full;

        // Most trivia are line breaks: one per line, sized once rather than regrown.
        trivia = new List<Trivia>(keepTrivia ? file.LineCount + 8 : 0);
        this.diagnostics = diagnostics;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>True when an unterminated text block ran to the end of the file (already reported as STMT0003).</summary>
    public bool ReachedEndInsideTextBlock { get; private set; }

    public List<Token> LexAll() => Lex().Tokens;

    /// <summary>Lexes the file into the tokens its syntax nodes will hold by index.</summary>
    internal TokenSource Lex()
    {
        var tokens = tokenSource.Tokens;
        Token token;
        do
        {
            if ((tokens.Count & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            token = Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfFile);

        tokenSource.Trivia = trivia;
        if (textCopied)
        {
            ThreadCharBuffer.Return(text);
        }

        return tokenSource;
    }

    private Token Next()
    {
        ReadTrivia();
        var start = position;
        if (position >= textLength)
        {
            return Make(TokenKind.EndOfFile, start, null);
        }

        var c = text[position];
        switch (c)
        {
            case '{':
                position++;
                openBrackets.Add('{');
                return Make(TokenKind.OpenBrace, start, null);
            case '}':
                position++;
                Close('{');
                return Make(TokenKind.CloseBrace, start, null);
            case '[':
                position++;
                openBrackets.Add('[');
                return Make(TokenKind.OpenBracket, start, null);
            case ']':
                position++;
                Close('[');
                return Make(TokenKind.CloseBracket, start, null);
            case ',':
                position++;
                return Make(TokenKind.Comma, start, null);
            case ':':
                position++;
                return Make(TokenKind.Colon, start, null);
            case '@':
                position++;
                return Make(TokenKind.At, start, null);
            case '"':
                return At("\"\"\"") ? ReadTextBlock() : ReadString();
        }

        if (c >= '0' && c <= '9')
        {
            return ReadNumeric();
        }

        // ReadTrivia stops only at a character that starts a token.
        return ReadIdentifier();
    }

    private Token Make(TokenKind kind, int start, object? value)
    {
        var token = new Token(kind, TextSpan.FromBounds(start, position), value, tokenSource, triviaStart, trivia.Count - triviaStart);
        triviaStart = trivia.Count;
        return token;
    }

    private bool At(string literal) => Matches(position, literal);

    private bool Matches(int index, string literal) => index + literal.Length <= textLength && KnownWords.StandsAt(text, index, literal);

    private string Cut(int start, int length) => new(text, start, length);

    private bool IsSurrogatePairAt(int index) => index + 1 < textLength && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]);

    /// <summary>The category of the character at an index, or of the surrogate pair that starts there (rare enough to cut as a string).</summary>
    private UnicodeCategory CategoryAt(int index) =>
        IsSurrogatePairAt(index) ? CharUnicodeInfo.GetUnicodeCategory(Cut(index, 2), 0) : CharUnicodeInfo.GetUnicodeCategory(text[index]);

    private void ReadTrivia()
    {
        while (position < textLength)
        {
            var start = position;
            var c = text[position];
            if (c == '\r' || c == '\n')
            {
                position += c == '\r' && position + 1 < textLength && text[position + 1] == '\n' ? 2 : 1;
                AddTrivia(TriviaKind.EndOfLine, start);
            }
            else if (IsWhitespace(c) || (c == '\uFEFF' && position == 0))
            {
                // Spaces are not kept as trivia: nothing reads them, and they are most of the trivia of a file.
                while (position < textLength && (IsWhitespace(text[position]) || (text[position] == '\uFEFF' && position == 0)))
                {
                    position++;
                }
            }
            else if (c == '/' && position + 1 < textLength && text[position + 1] == '/')
            {
                position = TextScan.IndexOfLineBreak(text, position, textLength);
                CheckNonTextCharacters(start, position, "a comment");
                AddTrivia(TriviaKind.Comment, start);
            }
            else if (StartsToken(position))
            {
                return;
            }
            else
            {
                SkipUnexpected();
            }
        }
    }

    private void SkipUnexpected()
    {
        var start = position;
        while (position < textLength && !StartsToken(position) && text[position] != '\r' && text[position] != '\n'
               && !(text[position] == '/' && position + 1 < textLength && text[position + 1] == '/'))
        {
            if (IsWhitespace(text[position]))
            {
                // White space inside a run of garbage on one line keeps it one mistake.
                var next = position;
                while (next < textLength && IsWhitespace(text[next]))
                {
                    next++;
                }

                if (next >= textLength || StartsToken(next) || text[next] == '\r' || text[next] == '\n' || text[next] == '/')
                {
                    break;
                }

                position = next;
                continue;
            }

            var first = position;
            position += IsSurrogatePairAt(position) ? 2 : 1;

            // Each kind of bad character gets its own precise diagnostic; a run of ordinary ones gets one.
            if (ReportSpecialCharacter(first, "outside a text value"))
            {
                if (first > start)
                {
                    ReportUnexpected(start, first);
                }

                start = position;
            }
        }

        if (position > start)
        {
            ReportUnexpected(start, position);
        }

        AddTrivia(TriviaKind.Skipped, start == position ? position - 1 : start);
    }

    /// <summary>The trivia from <paramref name="start"/> to the current position.</summary>
    private void AddTrivia(TriviaKind kind, int start)
    {
        if (keepTrivia)
        {
            trivia.Add(new Trivia(kind, TextSpan.FromBounds(start, position)));
        }
    }

    private void ReportUnexpected(int start, int end)
    {
        var shown = end - start > 20 ? Cut(start, 20) + "…" : Cut(start, end - start);
        var first = IsSurrogatePairAt(start) ? char.ConvertToUtf32(text[start], text[start + 1]) : text[start];
        diagnostics.Report(Rules.UnexpectedCharacter, TextSpan.FromBounds(start, end),
            string.Concat("'", Escape(shown), "' (U+", first.ToString("X4", CultureInfo.InvariantCulture), ")",
                end - start > 1 ? "; skipped up to the next token" : string.Empty));
    }

    /// <summary>Reports NUL, invalid UTF-8 and bidi controls at <paramref name="index"/>; true when it did.</summary>
    private bool ReportSpecialCharacter(int index, string where)
    {
        var c = text[index];
        if (c == '\0')
        {
            diagnostics.Report(Rules.InvalidEncoding, new TextSpan(index, 1), "NUL character " + where);
            return true;
        }

        if (c == '\uFFFD')
        {
            diagnostics.Report(Rules.InvalidEncoding, new TextSpan(index, 1), "Not valid UTF-8 (decoded as U+FFFD) " + where);
            return true;
        }

        if (IsLoneSurrogate(index))
        {
            diagnostics.Report(Rules.InvalidEncoding, new TextSpan(index, 1), "Lone surrogate U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " " + where);
            return true;
        }

        if (Bidi.IsControl(c))
        {
            diagnostics.Report(Rules.BidiControl, new TextSpan(index, 1),
                string.Concat("Bidirectional control character ", Bidi.Describe(c), " ", where, ": it can make the file display differently from what it says"));
            return true;
        }

        return false;
    }

    private void CheckNonTextCharacters(int start, int end, string where)
    {
        for (var i = start; i < end; i++)
        {
            if (IsInvalidCharacter(i) || Bidi.IsControl(text[i]))
            {
                ReportSpecialCharacter(i, "in " + where);
            }
        }
    }

    /// <summary>NUL, U+FFFD (bytes that were not UTF-8) or a lone surrogate: STMT0007 wherever it stands.</summary>
    private bool IsInvalidCharacter(int index) => text[index] is '\0' or '\uFFFD' || IsLoneSurrogate(index);

    private bool IsLoneSurrogate(int index)
    {
        var c = text[index];
        return char.IsHighSurrogate(c) ? !IsSurrogatePairAt(index)
            : char.IsLowSurrogate(c) && !(index > 0 && char.IsHighSurrogate(text[index - 1]));
    }

    private bool StartsToken(int index)
    {
        var c = text[index];
        return c is '{' or '}' or '[' or ']' or ',' or ':' or '@' or '"' || (c >= '0' && c <= '9') || IsIdentifierStart(index);
    }

    private bool IsIdentifierStart(int index)
    {
        var c = text[index];
        if (c == '_')
        {
            return true;
        }

        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        return IsLetter(CategoryAt(index));
    }

    private bool IsIdentifierPart(int index)
    {
        var c = text[index];
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }

        var category = CategoryAt(index);
        return IsLetter(category) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f'
        || (c > 127 && c != '\uFEFF' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    private Token ReadIdentifier()
    {
        var start = position;
        position += IsSurrogatePairAt(position) ? 2 : 1;
        while (position < textLength && IsIdentifierPart(position))
        {
            position += IsSurrogatePairAt(position) ? 2 : 1;
        }

        // '-' joins parts but may not end an identifier.
        while (text[position - 1] == '-')
        {
            position--;
        }

        var raw = KnownWords.Find(text, start, position - start) ?? Cut(start, position - start);
        if (raw.Length > Limits.MaxIdentifierLength)
        {
            diagnostics.Report(Rules.LimitExceeded, TextSpan.FromBounds(start, position),
                string.Concat("Identifier of ", raw.Length.ToString(CultureInfo.InvariantCulture), " characters is longer than the limit of ",
                    Limits.MaxIdentifierLength.ToString(CultureInfo.InvariantCulture)));
        }

        var normalized = IsAscii(raw) ? raw : raw.Normalize(NormalizationForm.FormC);
        return Make(TokenKind.Identifier, start, normalized);
    }

    private static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c >= 128)
            {
                return false;
            }
        }

        return true;
    }

    private Token ReadString()
    {
        var start = position;
        position++;

        // Most strings hold no escape: cut them from the source in one allocation.
        var end = TextScan.IndexOfStringCandidate(text, position, textLength);
        var sawBidi = false;
        while (end < textLength && text[end] is not ('"' or '\\' or '\r' or '\n' or '\0' or '\uFFFD') && !char.IsSurrogate(text[end]))
        {
            sawBidi |= Bidi.IsControl(text[end]);
            end = TextScan.IndexOfStringCandidate(text, end + 1, textLength);
        }

        if (end < textLength && text[end] == '"' && !decodeText)
        {
            position = end + 1;
            return Make(TokenKind.String, start, null);
        }

        if (end < textLength && text[end] == '"')
        {
            var plain = CheckStringLength(start, Cut(position, end - position));
            position = end + 1;
            if (sawBidi)
            {
                Bidi.CheckBalanced(plain, start + 1, diagnostics, text, textLength);
            }

            return Make(TokenKind.String, start, plain);
        }

        var value = new StringBuilder();
        value.Append(text, position, end - position);
        position = end;
        var terminated = false;
        while (position < textLength)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                terminated = true;
                break;
            }

            if (c == '\r' || c == '\n')
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape(value);
                continue;
            }

            if (IsInvalidCharacter(position))
            {
                ReportSpecialCharacter(position, "in a string");
            }

            value.Append(c);
            position++;
        }

        if (!terminated)
        {
            GiveBackClosers(start, value);
            diagnostics.Report(Rules.UnterminatedString, TextSpan.FromBounds(start, position));
        }

        var content = CheckStringLength(start, value.ToString());
        Bidi.CheckBalanced(content, start + 1, diagnostics, text, textLength);
        var token = Make(TokenKind.String, start, content);
        return terminated ? token : token.AsUnterminated();
    }

    /// <summary>
    /// A string left open at the end of its line does not own the <c>}</c> and <c>]</c> that end the
    /// line when they close what the author opened before the string: they are read as tokens again,
    /// so the declaration closes where it was meant to, with STMT0002 the only diagnostic. Of the
    /// closers at the line's end, the longest run that closes the open brackets in order is given back.
    /// </summary>
    private void GiveBackClosers(int start, StringBuilder value)
    {
        var end = position;
        var closers = new List<int>();
        for (var cut = end; cut > start + 1 && text[cut - 1] is ' ' or '\t' or '}' or ']' && text[cut - 2] != '\\'; cut--)
        {
            if (text[cut - 1] is '}' or ']')
            {
                closers.Insert(0, cut - 1);
            }
        }

        for (var first = 0; first < closers.Count; first++)
        {
            if (ClosesInOrder(closers, first))
            {
                // The run holds only spaces, tabs and closers, each appended to the value as one character.
                value.Length = Math.Max(0, value.Length - (end - closers[first]));
                position = closers[first];
                return;
            }
        }
    }

    /// <summary>
    /// Whether the closers from <paramref name="first"/> on close open brackets, innermost first: a
    /// <c>]</c> the innermost <c>[</c>, a <c>}</c> the innermost <c>{</c> and any list left open inside it,
    /// as the parser closes a list whose <c>]</c> is missing.
    /// </summary>
    private bool ClosesInOrder(List<int> closers, int first)
    {
        var open = openBrackets.Count - 1;
        for (var i = first; i < closers.Count; i++)
        {
            if (text[closers[i]] == '}')
            {
                while (open >= 0 && openBrackets[open] != '{')
                {
                    open--;
                }
            }
            else if (open >= 0 && openBrackets[open] != '[')
            {
                return false;
            }

            if (open < 0)
            {
                return false;
            }

            open--;
        }

        return true;
    }

    /// <summary>
    /// Closes as the parser does: a <c>]</c> the innermost <c>[</c> when that is what is open, a <c>}</c>
    /// the innermost <c>{</c> with any list left open inside it; a stray closer leaves the stack as it was.
    /// </summary>
    private void Close(char opener)
    {
        var index = openBrackets.LastIndexOf(opener);
        if (index >= 0 && (opener == '{' || index == openBrackets.Count - 1))
        {
            openBrackets.RemoveRange(index, openBrackets.Count - index);
        }
    }

    private string CheckStringLength(int start, string content)
    {
        if (content.Length > Limits.MaxStringLength)
        {
            diagnostics.Report(Rules.LimitExceeded, new TextSpan(start, 1),
                string.Concat("Text of ", content.Length.ToString(CultureInfo.InvariantCulture), " characters is longer than the limit of ",
                    Limits.MaxStringLength.ToString(CultureInfo.InvariantCulture), "; it is cut there"));
            return content.Substring(0, Limits.MaxStringLength);
        }

        return content;
    }

    private void ReadEscape(StringBuilder value)
    {
        var start = position;
        position++;
        if (position >= textLength || text[position] == '\r' || text[position] == '\n')
        {
            diagnostics.Report(Rules.InvalidEscape, new TextSpan(start, 1), "\\");
            return;
        }

        var c = text[position++];
        switch (c)
        {
            case '"':
                value.Append('"');
                return;
            case '\\':
                value.Append('\\');
                return;
            case 'n':
                value.Append('\n');
                return;
            case 't':
                value.Append('\t');
                return;
            case 'u' when position < textLength && text[position] == '{':
                ReadUnicodeEscape(start, value);
                return;
            default:
                diagnostics.Report(Rules.InvalidEscape, TextSpan.FromBounds(start, position), Escape(Cut(start, position - start)));
                return;
        }
    }

    private void ReadUnicodeEscape(int start, StringBuilder value)
    {
        position++;
        var digitsStart = position;
        while (position < textLength && position - digitsStart < 7 && Uri.IsHexDigit(text[position]))
        {
            position++;
        }

        var digits = position - digitsStart;
        var closed = position < textLength && text[position] == '}';
        if (closed)
        {
            position++;
        }

        if (!closed || digits is < 1 or > 6)
        {
            diagnostics.Report(Rules.InvalidEscape, TextSpan.FromBounds(start, position), Escape(Cut(start, position - start)));
            return;
        }

        var scalar = int.Parse(Cut(digitsStart, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) || scalar == 0)
        {
            diagnostics.Report(Rules.InvalidEscape, TextSpan.FromBounds(start, position), Escape(Cut(start, position - start)) + " (not a Unicode scalar value)");
            return;
        }

        value.Append(char.ConvertFromUtf32(scalar));
    }

    private Token ReadTextBlock()
    {
        var start = position;
        position += 3;
        var headerEnd = TextScan.IndexOfLineBreak(text, position, textLength);

        if (!IsBlank(position, headerEnd))
        {
            diagnostics.Report(Rules.Expected, TextSpan.FromBounds(position, headerEnd), "a line break after '\"\"\"' (a text block's lines start on the next line)",
                "'" + Escape(Shorten(Cut(position, headerEnd - position))) + "'");
        }

        position = SkipLineBreak(headerEnd);
        var lines = textBlockLines;
        lines.Clear();
        while (true)
        {
            if (position >= textLength)
            {
                diagnostics.Report(Rules.UnterminatedTextBlock, new TextSpan(start, 3));
                ReachedEndInsideTextBlock = true;
                return Make(TokenKind.TextBlock, start, Dedent(lines, string.Empty));
            }

            var lineStart = position;
            var lineEnd = TextScan.IndexOfLineBreak(text, lineStart, textLength);

            var indentEnd = lineStart;
            while (indentEnd < lineEnd && IsWhitespace(text[indentEnd]))
            {
                indentEnd++;
            }

            if (lineEnd - indentEnd >= 3 && Matches(indentEnd, "\"\"\"") && IsBlank(indentEnd + 3, lineEnd))
            {
                position = indentEnd + 3;
                var content = decodeText ? CheckStringLength(start, Dedent(lines, Cut(lineStart, indentEnd - lineStart))) : null;
                return Make(TokenKind.TextBlock, start, content);
            }

            CheckTextLine(lineStart, lineEnd);
            lines.Add((lineStart, lineEnd));
            position = SkipLineBreak(lineEnd);
            if ((lines.Count & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private void CheckTextLine(int start, int end)
    {
        if (!MayHoldSpecialCharacter(start, end))
        {
            return;
        }

        for (var i = start; i < end; i++)
        {
            if (IsInvalidCharacter(i))
            {
                ReportSpecialCharacter(i, "in a text block");
            }
        }

        for (var i = start; i < end; i++)
        {
            if (Bidi.IsControl(text[i]))
            {
                Bidi.CheckBalanced(Cut(start, end - start), start, diagnostics, text, textLength);
                return;
            }
        }
    }

    /// <summary>
    /// One cheap search through a line of text, so that the checks for invalid and bidi characters (two
    /// passes with a test for surrogates at each character) run only on the rare line that holds one.
    /// </summary>
    private bool MayHoldSpecialCharacter(int start, int end)
    {
        for (var i = TextScan.IndexOfSpecialCandidate(text, start, end); i < end; i = TextScan.IndexOfSpecialCandidate(text, i + 1, end))
        {
            var c = text[i];
            if (c is '\0' or '\uFFFD' || char.IsSurrogate(c) || Bidi.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private string Dedent(List<(int Start, int End)> lines, string indentation)
    {
        var capacity = lines.Count;
        foreach (var (lineStart, lineEnd) in lines)
        {
            capacity += lineEnd - lineStart;
        }

        // Assembled in a reused buffer and copied once into the string: a builder would allocate the text twice.
        var buffer = textBlockBuffer is { } reused && reused.Length >= capacity ? reused : new char[Math.Max(capacity, 256)];
        if (buffer.Length <= MaxReusedTextBlockBuffer)
        {
            textBlockBuffer = buffer;
        }

        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                buffer[length++] = '\n';
            }

            var (lineStart, lineEnd) = lines[i];
            var cut = lineStart;
            while (cut < lineEnd && cut - lineStart < indentation.Length && text[cut] == indentation[cut - lineStart])
            {
                cut++;
            }

            if (!IsBlank(cut, lineEnd))
            {
                Array.Copy(text, cut, buffer, length, lineEnd - cut);
                length += lineEnd - cut;
            }
        }

        return new string(buffer, 0, length);
    }

    private bool IsBlank(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsWhitespace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int SkipLineBreak(int index)
    {
        if (index < textLength && text[index] == '\r')
        {
            index++;
        }

        if (index < textLength && text[index] == '\n')
        {
            index++;
        }

        return index;
    }

    private Token ReadNumeric()
    {
        var start = position;
        while (position < textLength && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or ':' or '+' or '.'))
        {
            position++;
        }

        var literal = Cut(start, position - start);
        var span = TextSpan.FromBounds(start, position);
        var scanner = new NumericScanner(literal);
        if (scanner.TryInteger(out var integer, out var overflow))
        {
            if (overflow)
            {
                diagnostics.Report(Rules.MalformedLiteral, span, "number", Shorten(literal), "an integer of at most 18 digits");
                return Make(TokenKind.Integer, start, null);
            }

            return Make(TokenKind.Integer, start, integer);
        }

        if (literal.Length > 4 && literal[4] == '-' && scanner.Digits(0, 4))
        {
            if (!scanner.TryDate(out var date, out var problem))
            {
                diagnostics.Report(Rules.MalformedLiteral, span, "date", Shorten(literal), "YYYY, YYYY-MM or YYYY-MM-DD, then optionally Thh:mm[:ss] and Z or ±hh:mm");
                return Make(TokenKind.Date, start, null);
            }

            if (problem is not null)
            {
                diagnostics.Report(Rules.ImpossibleDate, span, "date", literal, problem);
                return Make(TokenKind.Date, start, null);
            }

            return Make(TokenKind.Date, start, date);
        }

        if (literal.Length > 2 && literal[2] == ':')
        {
            var time = scanner.TryTime(0, out var end, out var problem);
            if (time is null || end != literal.Length)
            {
                diagnostics.Report(Rules.MalformedLiteral, span, "time", Shorten(literal), "hh:mm or hh:mm:ss, optionally followed by Z or ±hh:mm");
                return Make(TokenKind.Time, start, null);
            }

            if (problem is not null)
            {
                diagnostics.Report(Rules.ImpossibleDate, span, "time", literal, problem);
                return Make(TokenKind.Time, start, null);
            }

            return Make(TokenKind.Time, start, time);
        }

        diagnostics.Report(Rules.MalformedLiteral, span, "literal", Shorten(literal), "an integer, a date (YYYY-MM-DD) or a time (hh:mm)");
        return Make(TokenKind.Integer, start, null);
    }

    internal static string Shorten(string value) => value.Length > 40 ? value.Substring(0, 40) + "…" : value;

    /// <summary>Shows control, bidi and other invisible characters in a message as <c>\uXXXX</c>.</summary>
    internal static string Escape(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var invisible = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned;
            if (invisible && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 8);
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? value;
    }
}
