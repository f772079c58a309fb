using System.Text.Json.Serialization;

namespace StatementDsl.Benchmarks;

// The JSON peer of the generated records: the same people, organizations, meetings, speeches,
// statements and passages, deserialized by System.Text.Json's source generator.
public sealed record PersonJson(string Id, string Name, string NameEn, string Role, string For);

public sealed record OrganizationJson(string Id, string Name, string Kind, string Country);

public sealed record PassageJson(string Kind, string Text, string Language);

public sealed record SpeechJson(string Id, string By, string Label, List<PassageJson> Passages);

public sealed record MeetingJson(string Id, string Date, string Title, string Body, string Kind, List<string> ConvenedBy, List<SpeechJson> Speeches);

public sealed record StatementJson(string Id, string By, string Date, string Via, List<PassageJson> Passages);

public sealed record CorpusJson(List<PersonJson> People, List<OrganizationJson> Organizations, List<MeetingJson> Meetings, List<StatementJson> Statements);

[JsonSerializable(typeof(CorpusJson))]
public sealed partial class CorpusJsonContext : JsonSerializerContext;
