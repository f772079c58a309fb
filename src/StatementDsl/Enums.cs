namespace StatementDsl;

public enum OrganizationKind
{
    State,
    Body,
    Delegation,
    Party,
    Media,
    Ngo,
    Other,
}

public enum MeetingKind
{
    Regular,
    Emergency,
    HighLevel,
    Closed,
    Other,
}

public enum SpeechMode
{
    InPerson,
    Video,
    Written,
}

public enum StatementChannel
{
    Press,
    SocialMedia,
    Interview,
    Letter,
    Broadcast,
    Communique,
    Other,
}

public enum TranscriptStatus
{
    Provisional,
    Final,
}

public enum VoteOutcome
{
    Adopted,
    Rejected,
    Vetoed,
}

public enum PassageKind
{
    Quote,
    Paraphrase,
    Note,
}

public enum DatePrecision
{
    Year,
    Month,
    Day,
}
