using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StatementDsl.Language.Diagnostics;

namespace StatementDsl.Generator;

/// <summary>
/// The Roslyn descriptors of the shared rule catalog. Ids, categories and severities are written as
/// constants so that release tracking (AnalyzerReleases.*.md) can read them; titles, descriptions and
/// help links come from the catalog, and a test checks that both agree.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Create("STMT0001", "Syntax", DiagnosticSeverity.Error, Rules.UnexpectedCharacter);
    public static readonly DiagnosticDescriptor UnterminatedString = Create("STMT0002", "Syntax", DiagnosticSeverity.Error, Rules.UnterminatedString);
    public static readonly DiagnosticDescriptor UnterminatedTextBlock = Create("STMT0003", "Syntax", DiagnosticSeverity.Error, Rules.UnterminatedTextBlock);
    public static readonly DiagnosticDescriptor Expected = Create("STMT0004", "Syntax", DiagnosticSeverity.Error, Rules.Expected);
    public static readonly DiagnosticDescriptor MalformedLiteral = Create("STMT0005", "Syntax", DiagnosticSeverity.Error, Rules.MalformedLiteral);
    public static readonly DiagnosticDescriptor InvalidEscape = Create("STMT0006", "Syntax", DiagnosticSeverity.Error, Rules.InvalidEscape);
    public static readonly DiagnosticDescriptor InvalidEncoding = Create("STMT0007", "Syntax", DiagnosticSeverity.Error, Rules.InvalidEncoding);
    public static readonly DiagnosticDescriptor MissingSpeaker = Create("STMT1001", "Semantics", DiagnosticSeverity.Warning, Rules.MissingSpeaker);
    public static readonly DiagnosticDescriptor MissingDate = Create("STMT1002", "Semantics", DiagnosticSeverity.Warning, Rules.MissingDate);
    public static readonly DiagnosticDescriptor UnknownReference = Create("STMT1003", "Semantics", DiagnosticSeverity.Error, Rules.UnknownReference);
    public static readonly DiagnosticDescriptor DuplicateId = Create("STMT1004", "Semantics", DiagnosticSeverity.Error, Rules.DuplicateId);
    public static readonly DiagnosticDescriptor ImpossibleDate = Create("STMT1005", "Semantics", DiagnosticSeverity.Error, Rules.ImpossibleDate);
    public static readonly DiagnosticDescriptor WrongReferenceKind = Create("STMT1006", "Semantics", DiagnosticSeverity.Error, Rules.WrongReferenceKind);
    public static readonly DiagnosticDescriptor UnknownField = Create("STMT1007", "Semantics", DiagnosticSeverity.Warning, Rules.UnknownField);
    public static readonly DiagnosticDescriptor WrongValueType = Create("STMT1008", "Semantics", DiagnosticSeverity.Error, Rules.WrongValueType);
    public static readonly DiagnosticDescriptor SpeechOutsideMeetingDate = Create("STMT1009", "Semantics", DiagnosticSeverity.Warning, Rules.SpeechOutsideMeetingDate);
    public static readonly DiagnosticDescriptor MissingRequiredField = Create("STMT1010", "Semantics", DiagnosticSeverity.Error, Rules.MissingRequiredField);
    public static readonly DiagnosticDescriptor BidiControl = Create("STMT1011", "Semantics", DiagnosticSeverity.Error, Rules.BidiControl);
    public static readonly DiagnosticDescriptor CSharpNameClash = Create("STMT1012", "Semantics", DiagnosticSeverity.Error, Rules.CSharpNameClash);
    public static readonly DiagnosticDescriptor RepeatedField = Create("STMT1013", "Semantics", DiagnosticSeverity.Warning, Rules.RepeatedField);
    public static readonly DiagnosticDescriptor MisplacedDeclaration = Create("STMT1014", "Semantics", DiagnosticSeverity.Error, Rules.MisplacedDeclaration);
    public static readonly DiagnosticDescriptor MembershipEndsBeforeStart = Create("STMT1015", "Semantics", DiagnosticSeverity.Error, Rules.MembershipEndsBeforeStart);
    public static readonly DiagnosticDescriptor SpeakingForOrgWithoutMembership = Create("STMT1016", "Semantics", DiagnosticSeverity.Warning, Rules.SpeakingForOrgWithoutMembership);
    public static readonly DiagnosticDescriptor QuoteNotInSourceDocument = Create("STMT1017", "Provenance", DiagnosticSeverity.Warning, Rules.QuoteNotInSourceDocument);
    public static readonly DiagnosticDescriptor SourceDocumentUnreadable = Create("STMT1018", "Provenance", DiagnosticSeverity.Warning, Rules.SourceDocumentUnreadable);
    public static readonly DiagnosticDescriptor LimitExceeded = Create("STMT9001", "Limits", DiagnosticSeverity.Error, Rules.LimitExceeded);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        UnexpectedCharacter,
        UnterminatedString,
        UnterminatedTextBlock,
        Expected,
        MalformedLiteral,
        InvalidEscape,
        InvalidEncoding,
        MissingSpeaker,
        MissingDate,
        UnknownReference,
        DuplicateId,
        ImpossibleDate,
        WrongReferenceKind,
        UnknownField,
        WrongValueType,
        SpeechOutsideMeetingDate,
        MissingRequiredField,
        BidiControl,
        CSharpNameClash,
        RepeatedField,
        MisplacedDeclaration,
        MembershipEndsBeforeStart,
        SpeakingForOrgWithoutMembership,
        QuoteNotInSourceDocument,
        SourceDocumentUnreadable,
        LimitExceeded,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public static DiagnosticDescriptor For(DiagnosticRule rule) => ById[rule.Id];

    /// <summary>The message is formatted by the front end, which knows the arguments; the descriptor carries the rest.</summary>
    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, DiagnosticRule rule) => new(
        id,
        rule.Title,
        "{0}",
        category,
        severity,
        isEnabledByDefault: true,
        description: rule.Description,
        helpLinkUri: rule.HelpLink);
}
