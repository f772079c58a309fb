using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Semantics;

/// <summary>
/// Binds files in two passes, so that a host can cache each file alone: <see cref="Declare"/> reads
/// one file's ids (the small summary a generator combines), <see cref="BindFile"/> binds one file
/// against the ids of all files. <see cref="Bind"/> does both for a whole compilation.
/// </summary>
public static class Binder
{
    /// <summary>Room for a meeting's speeches and events on top of a file's declarations, so the stack rarely regrows.</summary>
    private const int PlacementStackReserve = 32;

    private static readonly Regex LanguageTagPattern = new("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);
    private static readonly Regex CountryPattern = new("^[A-Z]{2}$", RegexOptions.CultureInvariant);

    public static BoundCompilation Bind(IEnumerable<SyntaxFile> files, CancellationToken cancellationToken = default) =>
        Bind(files.Select(f => (f, Declare(f, cancellationToken))), cancellationToken);

    /// <summary>
    /// Parses and binds a whole compilation, keeping no syntax tree: each file is parsed once and bound
    /// as far as it can be alone, its tree dropped, and its ids and references resolved once every
    /// file's ids are known. Holding every tree of a large corpus until then costs the front end 3–4×
    /// its own work (docs/benchmarks.md).
    /// </summary>
    public static BoundCompilation ParseAndBind(IEnumerable<SourceFile> sources, CancellationToken cancellationToken = default) =>
        ParseAndBind(sources, null, cancellationToken);

    /// <inheritdoc cref="ParseAndBind(IEnumerable{SourceFile}, CancellationToken)"/>
    /// <param name="documents">How the files' <c>source_document</c>s are read, for STMT1017 and STMT1018.</param>
    public static BoundCompilation ParseAndBind(IEnumerable<SourceFile> sources, SourceDocuments? documents, CancellationToken cancellationToken = default)
    {
        var bound = new List<UnresolvedFile>();
        var table = new SymbolTable();
        foreach (var source in sources)
        {
            var (declarations, file) = BindAlone(source, cancellationToken);
            table.Add(declarations);
            bound.Add(file);
        }

        return Resolve(bound, table, documents);
    }

    /// <summary>
    /// The same compilation as <see cref="ParseAndBind(IEnumerable{SourceFile}, SourceDocuments?, CancellationToken)"/>,
    /// its files opened, parsed and bound on up to <paramref name="maxDegreeOfParallelism"/> threads at
    /// once: files are independent until their ids are combined, which is done once, in file order, so
    /// the result and its diagnostics are the same whatever the number of threads.
    /// </summary>
    /// <param name="count">The number of files.</param>
    /// <param name="open">Reads the file of an index; called once per index, on whichever thread binds it.</param>
    /// <param name="documents">How the files' <c>source_document</c>s are read, for STMT1017 and STMT1018.</param>
    /// <param name="maxDegreeOfParallelism">How many files are bound at once; 1 binds them in turn on the calling thread.</param>
    /// <param name="cancellationToken">Stops the work between files and inside each.</param>
    public static BoundCompilation ParseAndBind(int count, Func<int, SourceFile> open, SourceDocuments? documents, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        var bound = new (FileDeclarations Declarations, UnresolvedFile File)[count];
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancellationToken },
                i => bound[i] = BindAlone(open(i), cancellationToken));
        }
        catch (AggregateException aggregate)
        {
            // The first failure as the caller would have seen it binding in turn, not wrapped.
            ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
        }

        return Resolve(bound.Select(b => b.File).ToList(), SymbolTable.Build(bound.Select(b => b.Declarations).ToList()), documents);
    }

    /// <summary>One file parsed, its ids declared and its values bound as far as the file alone allows; its tree and text dropped.</summary>
    private static (FileDeclarations Declarations, UnresolvedFile File) BindAlone(SourceFile source, CancellationToken cancellationToken)
    {
        var syntax = Parser.ParseForBinding(source, cancellationToken);
        var declarations = Declare(syntax, cancellationToken);
        var unresolved = new FileBinder(syntax, declarations, cancellationToken).Bind();
        syntax.Release();
        source.Release();
        return (declarations, unresolved);
    }

    /// <summary>Every file's references resolved against the ids of all of them.</summary>
    private static BoundCompilation Resolve(List<UnresolvedFile> bound, SymbolTable table, SourceDocuments? documents) =>
        BoundCompilation.Compose(bound.Select(file => file.Resolve(table)), documents);

    /// <summary>Binds files whose declarations a host has already computed (and may have cached with their syntax).</summary>
    public static BoundCompilation Bind(IEnumerable<(SyntaxFile Syntax, FileDeclarations Declarations)> files, CancellationToken cancellationToken = default)
    {
        var list = files.ToList();
        var table = SymbolTable.Build(list.Select(f => f.Declarations));
        return BoundCompilation.Compose(list.Select(f => BindFile(f.Syntax, f.Declarations, table, cancellationToken)));
    }

    /// <summary>One file's ids, read from its structure alone (its texts are not decoded): what a host caches to build the id table.</summary>
    public static FileDeclarations Declare(SourceFile file, CancellationToken cancellationToken = default)
    {
        var syntax = Parser.ParseStructure(file, cancellationToken);
        var declarations = Declare(syntax, cancellationToken);
        syntax.Release();
        return declarations;
    }

    public static FileDeclarations Declare(SyntaxFile file, CancellationToken cancellationToken = default)
    {
        var symbols = new List<DeclaredSymbol>();
        string? transcriptId = null;
        foreach (var placement in Placements(file))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var identifier = IdentifierOf(file.Members!, placement.Declaration);
            if (placement.Kind == DeclarationKind.Transcript && placement.Problem is null)
            {
                transcriptId = identifier?.ValueText;
            }

            if (identifier is { } written)
            {
                symbols.Add(new DeclaredSymbol(written.ValueText, placement.Kind, file.Source.Path, symbols.Count, written.Span,
                    file.Source.GetPosition(written.Span.Start), placement.Problem is not null || placement.InsideMisplaced));
            }
        }

        return new FileDeclarations(file.Source.Path, CSharpNames.ClassName(file.Source.Path, transcriptId), symbols);
    }

    public static BoundFile BindFile(SyntaxFile file, FileDeclarations declarations, SymbolTable table, CancellationToken cancellationToken = default) =>
        new FileBinder(file, declarations, cancellationToken).Bind().Resolve(table);

    /// <summary>
    /// A declaration with a known kind, where it stands, and why it may not stand there; declarations
    /// as records of the file's <see cref="MemberTable"/>, <see cref="SyntaxNode.None"/> for no meeting or person.
    /// </summary>
    internal readonly record struct Placement(int Declaration, DeclarationKind Kind, int Meeting, string? Problem, bool InsideMisplaced, int Person);

    /// <summary>The declaration's id token, unless it has none or it is missing.</summary>
    private static Token? IdentifierOf(MemberTable table, int declaration)
    {
        var identifier = table[declaration].Identifier;
        return identifier != SyntaxNode.None && table.Tokens[identifier] is { IsMissing: false } token ? token : null;
    }

    /// <summary>Every declaration of a known kind in file order, each with its placement checked (STMT1014).</summary>
    internal static IEnumerable<Placement> Placements(SyntaxFile file)
    {
        if (file.Members is not { } table)
        {
            yield break;
        }

        var transcriptSeen = false;
        var stack = new Stack<(int Declaration, int Parent, bool InsideMisplaced)>(table.TopLevelCount + PlacementStackReserve);
        for (var i = table.TopLevelCount - 1; i >= 0; i--)
        {
            stack.Push((table.MemberAt(SyntaxNode.None, i), SyntaxNode.None, false));
        }

        while (stack.Count > 0)
        {
            var (declaration, parent, insideMisplaced) = stack.Pop();
            if (table[declaration].Kind is not DeclarationKind kind)
            {
                continue;
            }

            var parentKind = parent == SyntaxNode.None ? null : table[parent].Kind;
            string? problem = null;
            if (!insideMisplaced)
            {
                if (parent == SyntaxNode.None)
                {
                    if (DeclarationKinds.BelongsInMeeting(kind))
                    {
                        problem = string.Concat("A ", DeclarationKinds.Keyword(kind), " belongs inside a meeting");
                    }
                    else if (kind == DeclarationKind.Transcript)
                    {
                        problem = transcriptSeen ? "A file holds at most one transcript" : null;
                        transcriptSeen = true;
                    }
                }
                else if (parentKind == DeclarationKind.Person && kind == DeclarationKind.Membership)
                {
                    // A person's own memberships: the person is implied (LANGUAGE.md §4).
                }
                else if (parentKind != DeclarationKind.Meeting || !DeclarationKinds.BelongsInMeeting(kind))
                {
                    problem = string.Concat("A ", DeclarationKinds.Keyword(kind), " cannot stand inside a ", table.Tokens[table[parent].KindToken].Text,
                        DeclarationKinds.BelongsInMeeting(kind) ? "; it belongs inside a meeting" : "; declare it at the top of the file");
                }
            }

            yield return new Placement(declaration, kind, parentKind == DeclarationKind.Meeting ? parent : SyntaxNode.None, problem, insideMisplaced,
                parentKind == DeclarationKind.Person ? parent : SyntaxNode.None);
            for (var i = table.MemberCount(declaration) - 1; i >= 0; i--)
            {
                var member = table.MemberAt(declaration, i);
                if (table[member].IsDeclaration)
                {
                    stack.Push((member, declaration, insideMisplaced || problem is not null));
                }
            }
        }
    }

    /// <summary>Which of its kind's fields a declaration writes, even with a value that did not bind: a bit per <see cref="FieldSpec.Index"/>.</summary>
    private readonly struct WrittenFields
    {
        private readonly int bits;

        private WrittenFields(int bits) => this.bits = bits;

        public WrittenFields With(FieldSpec spec) => new(bits | (1 << spec.Index));

        public bool Has(FieldSpec spec) => (bits & (1 << spec.Index)) != 0;

        public bool Has(DeclarationKind kind, string name) => DeclarationKinds.FindField(kind, name) is { } spec && Has(spec);
    }

    private sealed class FileBinder
    {
        private static readonly FieldSpec MembershipPerson = DeclarationKinds.FindField(DeclarationKind.Membership, "person")!;

        private readonly SyntaxFile file;

        /// <summary>The file's declarations and fields as records; empty for a file too large to be read.</summary>
        private readonly MemberTable? table;
        private readonly CancellationToken cancellationToken;
        private readonly DiagnosticBag diagnostics;

        /// <summary>What is missing from each record (STMT1001, STMT1002, …): reported after the records' ids and references, as a reader meets them.</summary>
        private readonly DiagnosticBag checks;
        private readonly BoundFile bound;

        /// <summary>The fields of the record being bound, copied into an array of their exact count once it is done; one list for the whole file.</summary>
        private readonly List<BoundField> fieldsBound = [];

        /// <summary>The single-valued fields of the entity being bound, by spec (one per name of the kind) and language tag; one set for the whole file.</summary>
        private readonly HashSet<(FieldSpec Spec, string? Language)> singleFieldsSeen = [];

        /// <summary>Each bound record with its declaration and the fields written in it and in its meeting, for the checks made once the file is bound.</summary>
        private readonly List<(BoundEntity Entity, int Syntax, WrittenFields Written, WrittenFields MeetingWritten)> declared;

        public FileBinder(SyntaxFile file, FileDeclarations declarations, CancellationToken cancellationToken)
        {
            this.file = file;
            table = file.Members;
            this.cancellationToken = cancellationToken;
            diagnostics = new DiagnosticBag(file.Source);
            checks = new DiagnosticBag(file.Source);
            bound = new BoundFile(file.Source.Path, declarations.ClassName, file.Source.Lines, declarations.Symbols.Count);

            // Most records have an id: their count sizes the list once.
            declared = new(declarations.Symbols.Count);
        }

        /// <summary>Binds what the file decides alone; ids and references wait for every file's ids (<see cref="UnresolvedFile.Resolve"/>).</summary>
        public UnresolvedFile Bind()
        {
            var meetings = new Dictionary<int, (BoundEntity Entity, WrittenFields Written)>();
            var ordinal = 0;
            foreach (var placement in Placements(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var declaration = placement.Declaration;
                var identifier = IdentifierOf(table!, declaration);
                var symbolOrdinal = identifier is not null ? ordinal++ : -1;
                if (placement.InsideMisplaced)
                {
                    continue;
                }

                var kindSpan = table!.Tokens[table[declaration].KindToken].Span;
                if (placement.Problem is not null)
                {
                    diagnostics.Report(Rules.MisplacedDeclaration, kindSpan, placement.Problem);
                    continue;
                }

                (BoundEntity Entity, WrittenFields Written) meeting = default;
                if (placement.Meeting != SyntaxNode.None && !meetings.TryGetValue(placement.Meeting, out meeting))
                {
                    continue;
                }

                var entity = new BoundEntity(placement.Kind, identifier?.ValueText, symbolOrdinal, identifier?.Span ?? kindSpan, kindSpan, bound, meeting.Entity);
                meeting.Entity?.AddChild(entity);
                if (entity.Kind == DeclarationKind.Transcript)
                {
                    bound.Transcript = entity;
                }

                fieldsBound.Clear();
                var written = BindFields(entity, declaration);
                if (placement.Person != SyntaxNode.None && IdentifierOf(table, placement.Person) is { } person && !written.Has(MembershipPerson))
                {
                    fieldsBound.Add(new BoundField(MembershipPerson, null, person.Span, person.ValueText));
                }

                entity.SetFields(fieldsBound.ToArray());
                if (entity.Kind == DeclarationKind.Meeting)
                {
                    meetings.Add(declaration, (entity, written));
                }

                bound.Entities.Add(entity);
                declared.Add((entity, declaration, written, meeting.Written));
            }

            foreach (var (entity, syntax, written, meetingWritten) in declared)
            {
                CheckEntity(entity, syntax, written, meetingWritten);
            }

            return new UnresolvedFile(bound, file.Diagnostics, diagnostics, checks.Items);
        }

        /// <summary>Binds the declaration's fields into <see cref="fieldsBound"/>; gives the fields it writes.</summary>
        private WrittenFields BindFields(BoundEntity entity, int declaration)
        {
            singleFieldsSeen.Clear();
            var written = default(WrittenFields);
            var tokens = table!.Tokens;
            var count = table.MemberCount(declaration);
            for (var i = 0; i < count; i++)
            {
                ref readonly var field = ref table[table.MemberAt(declaration, i)];
                if (field.IsDeclaration)
                {
                    continue;
                }

                var nameToken = tokens[field.Name];
                var name = nameToken.ValueText;
                var spec = DeclarationKinds.FindField(entity.Kind, name);
                if (spec is null)
                {
                    var suggestion = Suggestions.Nearest(name, DeclarationKinds.Fields(entity.Kind).Select(f => f.Name));
                    diagnostics.Report(Rules.UnknownField, nameToken.Span, name, DeclarationKinds.Keyword(entity.Kind), Suggestions.DidYouMean(suggestion));
                    continue;
                }

                written = written.With(spec);

                var tag = field.LanguageTag == SyntaxNode.None ? (Token?)null : tokens[field.LanguageTag];
                var language = tag is { IsMissing: false } tagToken ? tagToken.ValueText : null;
                if (language is not null && spec.Type is not (FieldType.Text or FieldType.TextList))
                {
                    diagnostics.Report(Rules.WrongValueType, tag!.Value.Span, name, spec.Describe(), "a language tag '@" + language + "'");
                    continue;
                }

                if (language is not null && !LanguageTagPattern.IsMatch(language))
                {
                    diagnostics.Report(Rules.WrongValueType, tag!.Value.Span, name + "@", "a language tag such as ar, en or ar-Latn", "'" + language + "'");
                    continue;
                }

                if (!spec.Repeatable && !singleFieldsSeen.Add((spec, language)))
                {
                    diagnostics.Report(Rules.RepeatedField, nameToken.Span, name, language is null ? string.Empty : " for @" + language);
                    continue;
                }

                var list = field.List;
                var valueToken = list is null ? tokens[field.ValueToken] : default;
                var value = list is null ? BindToken(spec, valueToken) : BindList(spec, list);
                if (value is not null)
                {
                    fieldsBound.Add(new BoundField(spec, language, list?.Span ?? valueToken.Span, value));
                }
            }

            return written;
        }

        /// <summary>What a value of one token is made of (<see cref="BoundField.Payload"/>); null when it did not bind.</summary>
        private object? BindToken(FieldSpec spec, Token token)
        {
            if (token.IsMissing || (token.Value is null && token.Kind is not TokenKind.Identifier))
            {
                return null;
            }

            switch (spec.Type)
            {
                case FieldType.Text when token.Kind is TokenKind.String or TokenKind.TextBlock:
                    return (string)token.Value!;
                case FieldType.TextList when token.Kind is TokenKind.String or TokenKind.TextBlock:
                    return new ListValue(new BoundValue[] { new TextValue((string)token.Value!) });
                case FieldType.Date when token.Value is DateLiteral date:
                    return new DateValue(date);
                case FieldType.Date when token.Kind == TokenKind.Integer && token.Text.Length == 4:
                    return YearValue(token);
                case FieldType.TimeOrDateTime when token.Value is TimeLiteral time:
                    return new TimeValue(time);
                case FieldType.TimeOrDateTime when token.Value is DateLiteral { Time: not null } dateTime:
                    return new DateValue(dateTime);
                case FieldType.Integer when token.Value is long integer:
                    return new IntegerValue(integer);
                case FieldType.Enum when token.Kind == TokenKind.Identifier:
                    return EnumValue(spec, token);
                case FieldType.Reference when token.Kind == TokenKind.Identifier:
                    return token.ValueText;
                case FieldType.ReferenceList when token.Kind == TokenKind.Identifier:
                    return new UnresolvedReference(token.ValueText, token.Span);
                case FieldType.LanguageTag when token.Kind is TokenKind.Identifier or TokenKind.String:
                    return Checked(spec, token, LanguageTagPattern);
                case FieldType.Country when token.Kind is TokenKind.Identifier or TokenKind.String:
                    return Checked(spec, token, CountryPattern);
                case FieldType.Symbol when token.Kind is TokenKind.Identifier or TokenKind.String:
                    return token.ValueText;
            }

            diagnostics.Report(Rules.WrongValueType, token.Span, spec.Name, spec.Describe(), DescribeFound(token));
            return null;
        }

        /// <summary>What a list value is made of: its items bound, those that did not bind left out; null when a list is not allowed.</summary>
        private object? BindList(FieldSpec spec, ListValueSyntax list)
        {
            if (spec.Type is not (FieldType.ReferenceList or FieldType.TextList))
            {
                diagnostics.Report(Rules.WrongValueType, list.OpenBracket.Span, spec.Name, spec.Describe(), "a list");
                return null;
            }

            var items = new List<BoundValue>(list.Items.Count);
            foreach (var item in list.Items)
            {
                if (item is not TokenValueSyntax { Token: var itemToken } || itemToken.IsMissing)
                {
                    if (item is ListValueSyntax nested)
                    {
                        diagnostics.Report(Rules.WrongValueType, nested.OpenBracket.Span, spec.Name, spec.Describe(), "a list inside the list");
                    }

                    continue;
                }

                BoundValue? value = null;
                if (spec.Type == FieldType.ReferenceList && itemToken.Kind == TokenKind.Identifier)
                {
                    value = new UnresolvedReference(itemToken.ValueText, itemToken.Span);
                }
                else if (spec.Type == FieldType.TextList && itemToken.Kind is TokenKind.String or TokenKind.TextBlock)
                {
                    value = new TextValue((string)itemToken.Value!);
                }
                else if (itemToken.Value is not null || itemToken.Kind == TokenKind.Identifier)
                {
                    diagnostics.Report(Rules.WrongValueType, itemToken.Span, spec.Name, spec.Describe(), DescribeFound(itemToken));
                }

                if (value is not null)
                {
                    items.Add(value);
                }
            }

            return new ListValue(items);
        }

        private BoundValue? YearValue(Token token)
        {
            var year = (int)(long)token.Value!;
            if (year == 0)
            {
                diagnostics.Report(Rules.ImpossibleDate, token.Span, "date", token.Text, "there is no year 0000 in the calendar this language uses");
                return null;
            }

            return new DateValue(new DateLiteral(year, null, null, null));
        }

        private string? EnumValue(FieldSpec spec, Token token)
        {
            var member = token.ValueText;
            if (spec.EnumValues.Contains(member, StringComparer.Ordinal))
            {
                return member;
            }

            diagnostics.Report(Rules.WrongValueType, token.Span, spec.Name, spec.Describe(),
                "'" + Lexer.Shorten(member) + "'" + Suggestions.DidYouMean(Suggestions.Nearest(member, spec.EnumValues)));
            return null;
        }

        private string? Checked(FieldSpec spec, Token token, Regex pattern)
        {
            var text = token.ValueText;
            if (pattern.IsMatch(text))
            {
                return text;
            }

            diagnostics.Report(Rules.WrongValueType, token.Span, spec.Name, spec.Describe(), "'" + Lexer.Escape(Lexer.Shorten(text)) + "'");
            return null;
        }

        private void CheckEntity(BoundEntity entity, int syntax, WrittenFields written, WrittenFields meetingWritten)
        {
            if (table![syntax].HasSkippedText)
            {
                // What is missing may be what did not parse: the syntax error is the one diagnostic.
                return;
            }

            var name = DeclarationKinds.Keyword(entity.Kind);
            var label = entity.Id ?? IdentifierOf(table, syntax)?.ValueText ?? "(no id)";
            switch (entity.Kind)
            {
                case DeclarationKind.Speech or DeclarationKind.Statement:
                    if (!written.Has(entity.Kind, "by"))
                    {
                        checks.Report(Rules.MissingSpeaker, entity.NameSpan, name, label);
                    }

                    CheckDate(entity, written, meetingWritten, label);
                    break;
                case DeclarationKind.Meeting when !written.Has(entity.Kind, "date"):
                    checks.Report(Rules.MissingDate, entity.NameSpan, "Meeting '" + label + "' has no date: add 'date: YYYY-MM-DD' (a year or month alone is fine)");
                    break;
                case DeclarationKind.Membership when entity.Field("from")?.Value is DateValue { Date: var from } && entity.Field("until") is { Value: DateValue { Date: var until } } untilField
                    && until.EndsBefore(from):
                    checks.Report(Rules.MembershipEndsBeforeStart, untilField.ValueSpan, label, until, from);
                    break;
            }

            foreach (var spec in DeclarationKinds.Fields(entity.Kind))
            {
                var covered = (spec.Name is "by" or "date" && entity.Kind is DeclarationKind.Speech or DeclarationKind.Statement or DeclarationKind.Meeting)
                    || (spec.Name == "person" && entity.Field("person") is not null);
                if (spec.Required && !covered && !written.Has(spec))
                {
                    checks.Report(Rules.MissingRequiredField, entity.NameSpan, name, label, spec.Name);
                }
            }
        }

        private void CheckDate(BoundEntity entity, WrittenFields written, WrittenFields meetingWritten, string label)
        {
            if (entity.Kind == DeclarationKind.Statement)
            {
                if (!written.Has(entity.Kind, "date"))
                {
                    checks.Report(Rules.MissingDate, entity.NameSpan, "Statement '" + label + "' has no date: add 'date: YYYY-MM-DD' (a year or month alone is fine)");
                }

                return;
            }

            if (!written.Has(entity.Kind, "date"))
            {
                if (entity.Meeting is not null && !meetingWritten.Has(DeclarationKind.Meeting, "date"))
                {
                    checks.Report(Rules.MissingDate, entity.NameSpan, "Speech '" + label + "' has no date, and neither has its meeting");
                }

                return;
            }

            if (entity.Field("date") is { Value: DateValue { Date: var date } } own && entity.Meeting?.Field("date")?.Value is DateValue { Date: var meetingDate } && !date.IsWithin(meetingDate))
            {
                checks.Report(Rules.SpeechOutsideMeetingDate, own.ValueSpan, label, date, meetingDate);
            }
        }

        private static string DescribeFound(Token token) => token.Kind switch
        {
            TokenKind.Identifier => "the word '" + Lexer.Shorten(token.ValueText) + "'",
            _ => Parser.Describe(token),
        };
    }

    /// <summary>
    /// A file bound as far as it can be alone, its syntax already dropped: what waits for every file's
    /// ids is whether its own ids are the first of their name (STMT1004), what its references point to,
    /// and whether another file's class has its class's name. Its records' C# names are given at once,
    /// while its ids are in the processor's cache, and given again in the rare file that loses an id.
    /// </summary>
    private sealed class UnresolvedFile
    {
        private readonly BoundFile bound;
        private readonly IReadOnlyList<Diagnostic> syntaxDiagnostics;
        private readonly DiagnosticBag diagnostics;
        private readonly IReadOnlyList<Diagnostic> checks;

        /// <summary>The clashes of the records' C# names (STMT1012), reported after the checks.</summary>
        private DiagnosticBag names;

        /// <summary>Suggestions cost a scan of every id, so only the first few unknown references of a file get one.</summary>
        private int suggestionsLeft = Limits.MaxSuggestionsPerFile;

        public UnresolvedFile(BoundFile bound, IReadOnlyList<Diagnostic> syntaxDiagnostics, DiagnosticBag diagnostics, IReadOnlyList<Diagnostic> checks)
        {
            this.bound = bound;
            this.syntaxDiagnostics = syntaxDiagnostics;
            this.diagnostics = diagnostics;
            this.checks = checks;
            names = AssignCSharpNames();
        }

        public BoundFile Resolve(SymbolTable table)
        {
            Func<BoundField, object?> resolve = field => ResolveValue(field, table);
            var idLost = false;
            foreach (var entity in bound.Entities)
            {
                idLost |= !CheckFirstDeclaration(entity, table);
                entity.ResolveReferences(resolve);
            }

            if (idLost)
            {
                names = AssignCSharpNames();
            }

            diagnostics.AddRange(checks);
            CheckClassName(table);
            diagnostics.AddRange(names.Items);
            bound.Diagnostics = syntaxDiagnostics.Count + diagnostics.Items.Count == 0
                ? Array.Empty<Diagnostic>()
                : syntaxDiagnostics.Concat(diagnostics.Items).OrderBy(d => d.Location.Span.Start).ToList();
            return bound;
        }

        /// <summary>A later declaration of an id loses it (reported there, STMT1004), so that nothing refers to it; false when it did.</summary>
        private bool CheckFirstDeclaration(BoundEntity entity, SymbolTable table)
        {
            if (entity.Id is not { } id || table.Lookup(id) is not { } first)
            {
                return true;
            }

            if (!string.Equals(first.Path, bound.Path, StringComparison.Ordinal) || first.Ordinal != entity.SymbolOrdinal)
            {
                diagnostics.ReportWithRelated(Rules.DuplicateId, entity.NameSpan,
                    new Location(first.Path, first.Span, first.Position, first.Position), id, first.DisplayLocation);
                entity.Id = null;
                return false;
            }

            return true;
        }

        /// <summary>The field's payload with its references resolved; null drops the field (a single reference that did not resolve).</summary>
        private object? ResolveValue(BoundField field, SymbolTable table) => field.Payload switch
        {
            string id when field.Spec.Type == FieldType.Reference => Resolve(field.Spec, id, field.ValueSpan, table),
            UnresolvedReference single when field.Spec.Type == FieldType.ReferenceList =>
                Resolve(field.Spec, single, table) is { } resolved ? new ListValue(new BoundValue[] { resolved }) : null,
            ListValue list when field.Spec.Type == FieldType.ReferenceList => ResolveItems(field.Spec, list, table),
            var payload => payload,
        };

        /// <summary>A list of ids with each resolved; one that did not resolve is dropped from the list.</summary>
        private ListValue ResolveItems(FieldSpec spec, ListValue list, SymbolTable table)
        {
            var items = new List<BoundValue>(list.Items.Count);
            foreach (var item in list.Items)
            {
                if ((item is UnresolvedReference reference ? Resolve(spec, reference, table) : item) is { } resolved)
                {
                    items.Add(resolved);
                }
            }

            return new ListValue(items);
        }

        private ReferenceValue? Resolve(FieldSpec spec, UnresolvedReference reference, SymbolTable table) =>
            Resolve(spec, reference.Id, reference.Span, table) is { } symbol ? new ReferenceValue(symbol.Id, symbol, reference.Span) : null;

        /// <summary>The declaration an id names, if it may be named here; reported and null otherwise.</summary>
        private DeclaredSymbol? Resolve(FieldSpec spec, string id, TextSpan span, SymbolTable table)
        {
            var symbol = table.Lookup(id);
            if (symbol is null)
            {
                var suggestion = suggestionsLeft-- > 0 ? NearestTarget(spec, id, table) : null;
                diagnostics.Report(Rules.UnknownReference, span, Lexer.Shorten(id), Suggestions.DidYouMean(suggestion));
                return null;
            }

            if (symbol.Misplaced)
            {
                return null;
            }

            if (!spec.Targets.Contains(symbol.Kind))
            {
                diagnostics.Report(Rules.WrongReferenceKind, span, spec.Name, id, DeclarationKinds.Keyword(symbol.Kind),
                    spec.Name, (spec.Type == FieldType.ReferenceList ? "ids of " : "the id of ") + DeclarationKinds.DescribeTargets(spec.Targets));
                return null;
            }

            // The declaration, whose id string is the one a corpus's records keep, not the reference's copy.
            return symbol;
        }

        /// <summary>Its own method: a lambda in <see cref="Resolve(FieldSpec, string, TextSpan, SymbolTable)"/> would allocate its closure for every reference.</summary>
        private static string? NearestTarget(FieldSpec spec, string id, SymbolTable table) =>
            Suggestions.Nearest(id, table.Symbols.Where(s => !s.Misplaced && spec.Targets.Contains(s.Kind)).Select(s => s.Id));

        /// <summary>STMT1012 when another file (first by ordinal path) has the class's name, or a generated member has it.</summary>
        private void CheckClassName(SymbolTable table)
        {
            var owner = table.ClassOwner(bound.ClassName);
            if (owner is not null && !string.Equals(owner, bound.Path, StringComparison.Ordinal))
            {
                var at = bound.Transcript?.NameSpan ?? new TextSpan(0, 0);
                diagnostics.Report(Rules.CSharpNameClash, at, bound.Transcript?.Id ?? bound.Path, bound.ClassName, "is also the class of " + owner);
            }
            else if (CSharpNames.ReservedMembers.Contains(bound.ClassName.TrimStart('@'), StringComparer.Ordinal))
            {
                // C# forbids a member named like its class (CS0542): that list is left out of the class, and the author told why.
                var at = bound.Transcript?.NameSpan ?? new TextSpan(0, 0);
                diagnostics.Report(Rules.CSharpNameClash, at, bound.Transcript?.Id ?? bound.Path, bound.ClassName,
                    "is also the name of one of its generated members, which the class then lacks; rename the file or give it a transcript id");
            }
        }

        /// <summary>Gives each id its C# property name; a clash is STMT1012 at the later one, which then gets no property.</summary>
        private DiagnosticBag AssignCSharpNames()
        {
            var clashes = new DiagnosticBag(bound.Lines);

            // A reserved member maps to null; the message names the holder only when a clash happens.
            var taken = new Dictionary<string, BoundEntity?>(bound.Entities.Count + CSharpNames.ReservedMembers.Count, StringComparer.Ordinal);
            foreach (var reserved in CSharpNames.ReservedMembers)
            {
                taken.Add(reserved, null);
            }

            foreach (var entity in bound.Entities)
            {
                entity.HasCSharpName = false;
                if (entity.Id is null || entity == bound.Transcript)
                {
                    continue;
                }

                var name = CSharpNames.ToPascalCase(entity.Id);
                var bare = name.TrimStart('@');
                if (string.Equals(bare, bound.ClassName.TrimStart('@'), StringComparison.Ordinal))
                {
                    clashes.Report(Rules.CSharpNameClash, entity.NameSpan, entity.Id, name, "is the name of the file's class");
                }
                else if (taken.TryGetValue(bare, out var holder))
                {
                    clashes.Report(Rules.CSharpNameClash, entity.NameSpan, entity.Id, name,
                        holder is null ? "is a member every generated class has" : "is already taken by '" + holder.Id + "' at " + holder.Origin);
                }
                else
                {
                    taken.Add(bare, entity);
                    entity.HasCSharpName = true;
                }
            }

            return clashes;
        }
    }
}
