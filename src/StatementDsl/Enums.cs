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

/// <summary>How much of a <see cref="PartialDate"/> is known: a year, a month, a day, or a time to the minute or the second.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
    Minute,
    Second,
}
