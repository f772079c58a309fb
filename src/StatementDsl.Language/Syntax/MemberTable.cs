using StatementDsl.Language.Semantics;

namespace StatementDsl.Language.Syntax;

/// <summary>
/// One declaration or field of a file, as the parser read it: its tokens by index into the file's
/// <see cref="TokenSource"/>, and a declaration's members as a range of the table's member list (<see cref="MemberTable.MemberAt"/>).
/// A value, not an object: a file bound and dropped makes no node per member (a corpus has 115,000
/// fields), and the binder reads these records directly.
/// </summary>
internal readonly struct MemberRecord
{
    /// <summary>The token indices: a declaration's kind word, id, '{' and '}'; a field's name, '@', language tag and ':'.</summary>
    private readonly int first;
    private readonly int second;
    private readonly int third;
    private readonly int fourth;

    private MemberRecord(bool isDeclaration, int first, int second, int third, int fourth, int valueToken, DeclarationKind? kind,
        int membersStart, int membersCount, bool hasSkippedText, ListValueSyntax? list)
    {
        IsDeclaration = isDeclaration;
        this.first = first;
        this.second = second;
        this.third = third;
        this.fourth = fourth;
        ValueToken = valueToken;
        Kind = kind;
        MembersStart = membersStart;
        MembersCount = membersCount;
        HasSkippedText = hasSkippedText;
        List = list;
    }

    public bool IsDeclaration { get; }

    public int KindToken => first;

    /// <summary>A declaration's id, or <see cref="SyntaxNode.None"/> when left out.</summary>
    public int Identifier => second;

    public int OpenBrace => third;

    public int CloseBrace => fourth;

    public int Name => first;

    /// <summary>A field's '@', or <see cref="SyntaxNode.None"/> when untagged.</summary>
    public int AtSign => second;

    /// <summary>A field's language tag, or <see cref="SyntaxNode.None"/> when untagged.</summary>
    public int LanguageTag => third;

    public int Colon => fourth;

    /// <summary>A field's one value token; <see cref="SyntaxNode.None"/> when the value is a list (<see cref="List"/>), and for a declaration.</summary>
    public int ValueToken { get; }

    /// <summary>A declaration's kind; null when its kind word is no known kind, and for a field.</summary>
    public DeclarationKind? Kind { get; }

    public int MembersStart { get; }

    public int MembersCount { get; }

    /// <summary>Whether the parser skipped text among a declaration's members (<see cref="DeclarationSyntax.HasSkippedText"/>).</summary>
    public bool HasSkippedText { get; }

    /// <summary>A field's value when it is a list.</summary>
    public ListValueSyntax? List { get; }

    public static MemberRecord Declaration(int kindToken, DeclarationKind? kind, int identifier, int openBrace, int closeBrace, int membersStart, int membersCount, bool hasSkippedText) =>
        new(true, kindToken, identifier, openBrace, closeBrace, SyntaxNode.None, kind, membersStart, membersCount, hasSkippedText, null);

    public static MemberRecord Field(int name, int atSign, int languageTag, int colon, int valueToken, ListValueSyntax? list) =>
        new(false, name, atSign, languageTag, colon, valueToken, null, 0, 0, false, list);
}

/// <summary>
/// A file's declarations and fields in the order they are written (a declaration before its members),
/// with the members of each declaration, and the file's top-level declarations, as ranges of one list
/// of record indices. The syntax nodes are views made from it on demand (<see cref="View"/>); a tree
/// that is bound and dropped hands its lists to the next file parsed on the thread, as its tokens do.
/// </summary>
internal sealed class MemberTable
{
    [ThreadStatic]
    private static (MemberRecord[] Records, List<int> Members)? released;

    private MemberRecord[]? records;
    private List<int>? members;
    private MemberSyntax?[]? views;

    public MemberTable(TokenSource tokens, bool reuseReleasedLists)
    {
        Tokens = tokens;
        if (reuseReleasedLists && released is { } lists)
        {
            released = null;
            (records, members) = lists;
        }
        else
        {
            records = new MemberRecord[64];
            members = new List<int>();
        }
    }

    public TokenSource Tokens { get; }

    public int Count { get; private set; }

    public int TopLevelStart { get; private set; }

    public int TopLevelCount { get; private set; }

    private MemberRecord[] Records => records ?? throw new InvalidOperationException(TokenSource.ReleasedTree);

    private List<int> Members => members ?? throw new InvalidOperationException(TokenSource.ReleasedTree);

    public ref readonly MemberRecord this[int index] => ref Records[index];

    /// <summary>The record index of a declaration's <paramref name="position"/>th member, or of the file's top-level declaration when <paramref name="record"/> is <see cref="SyntaxNode.None"/>.</summary>
    public int MemberAt(int record, int position) => Members[(record == SyntaxNode.None ? TopLevelStart : this[record].MembersStart) + position];

    public int MemberCount(int record) => record == SyntaxNode.None ? TopLevelCount : this[record].MembersCount;

    /// <summary>Makes room for a record written once its members are read, so that a declaration comes before them; gives its index.</summary>
    public int Reserve()
    {
        if (Count == Records.Length)
        {
            Array.Resize(ref records, Count * 2);
        }

        return Count++;
    }

    public void Set(int index, MemberRecord record) => Records[index] = record;

    public int Add(MemberRecord record)
    {
        var index = Reserve();
        Records[index] = record;
        return index;
    }

    /// <summary>Keeps the member indices from <paramref name="first"/> to the end of <paramref name="open"/> as one range, and takes them off it; gives the range's start.</summary>
    public int TakeMembers(List<int> open, int first)
    {
        var start = Members.Count;
        for (var i = first; i < open.Count; i++)
        {
            Members.Add(open[i]);
        }

        open.RemoveRange(first, open.Count - first);
        return start;
    }

    public void SetTopLevel(int start, int count)
    {
        TopLevelStart = start;
        TopLevelCount = count;
    }

    /// <summary>The node of a record, made once and published so that every reader of the tree, on any thread, sees the same node.</summary>
    public MemberSyntax View(int index)
    {
        if (views is null)
        {
            Interlocked.CompareExchange(ref views, new MemberSyntax?[Count], null);
        }

        if (views![index] is { } made)
        {
            return made;
        }

        MemberSyntax node = this[index].IsDeclaration ? new DeclarationSyntax(this, index) : new FieldSyntax(this, index);
        return Interlocked.CompareExchange(ref views[index], node, null) ?? node;
    }

    /// <summary>The nodes of a declaration's members, or of the file's top-level declarations.</summary>
    public MemberSyntax[] ViewMembers(int record)
    {
        var count = MemberCount(record);
        if (count == 0)
        {
            return Array.Empty<MemberSyntax>();
        }

        var nodes = new MemberSyntax[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = View(MemberAt(record, i));
        }

        return nodes;
    }

    /// <summary>Hands the lists to the next file parsed on this thread: only for a tree nobody reads again.</summary>
    public void Release()
    {
        if (records is { } kept && members is { } keptMembers && kept.Length <= TokenSource.MaxReusedCapacity && keptMembers.Capacity <= TokenSource.MaxReusedCapacity)
        {
            // The records hold the file's lists: cleared, so that they do not outlive it.
            Array.Clear(kept, 0, Count);
            keptMembers.Clear();
            released = (kept, keptMembers);
        }

        records = null;
        members = null;
    }
}
