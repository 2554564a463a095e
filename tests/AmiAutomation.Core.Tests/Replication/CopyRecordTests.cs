using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyRecordTests
{
    private static readonly LaunchPermission Account = new(LaunchPermissionKind.Account, "444455556666");
    private static readonly LaunchPermission Org = new(LaunchPermissionKind.Organization, "arn:aws:organizations::111122223333:organization/o-abc");
    private static readonly LaunchPermission Ou = new(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::111122223333:ou/o-abc/ou-xyz");

    private static AmiImage CopyCarrying(IReadOnlyDictionary<string, string> tags)
    {
        var copy = CopyOf(Source(), "us-east-1", "ami-00000000000000c01");
        return copy.WithTags([.. tags.Select(t => (t.Key, t.Value))]);
    }

    [Fact]
    public void Tags_ThenRead_RoundTripsSharesAndDeprecation()
    {
        var deprecation = TestImages.Now.AddDays(30);
        var source = Source() with { DeprecationTime = deprecation };

        var record = CopyRecord.Read(CopyCarrying(CopyRecord.Tags(source, [Account, Org, Ou, LaunchPermission.Public, Account])));

        Assert.NotNull(record);
        Assert.Equal(deprecation, record.DeprecationTime);
        Assert.Equal([Account, Org, Ou, LaunchPermission.Public], record.Shares);
        Assert.True(record.IsComplete);
    }

    [Fact]
    public void Tags_NoSharesNoDeprecation_RecordSaysSo()
    {
        var tags = CopyRecord.Tags(Source(), []);

        Assert.Single(tags);
        var record = CopyRecord.Read(CopyCarrying(tags))!;
        Assert.Null(record.DeprecationTime);
        Assert.Empty(record.Shares!);
        Assert.True(record.IsComplete);
    }

    [Fact]
    public void Tags_SharesUnreadable_RecordedAsUnknown_NotComplete()
    {
        var record = CopyRecord.Read(CopyCarrying(CopyRecord.Tags(Source(), null)))!;

        Assert.Null(record.Shares);
        Assert.Null(record.ShareCount);
        Assert.False(record.IsComplete);
    }

    [Fact]
    public void Tags_ManyAccounts_SplitAcrossAtMostFourTagsOf256_RestCountedNotListed()
    {
        var accounts = Enumerable.Range(0, 200).Select(i => new LaunchPermission(LaunchPermissionKind.Account, $"{100000000000 + i}")).ToList();

        var tags = CopyRecord.Tags(Source(), accounts);

        Assert.Equal(1 + CopyRecord.MaxShareTags, tags.Count);
        Assert.All(tags.Values, v => Assert.True(v.Length <= CopyRecord.MaxValueLength, v));
        var record = CopyRecord.Read(CopyCarrying(tags))!;
        Assert.Equal(200, record.ShareCount);
        Assert.Equal(accounts.Take(record.Shares!.Count), record.Shares);
        Assert.InRange(record.Shares.Count, 70, 80);
        Assert.False(record.IsComplete);
    }

    [Fact]
    public void Read_NoRecord_Null()
    {
        Assert.Null(CopyRecord.Read(CopyOf(Source(), "us-east-1", "ami-00000000000000c01")));
    }

    [Fact]
    public void Read_UnreadableEntriesIgnored_MarkerStillCounts()
    {
        var copy = CopyCarrying(new Dictionary<string, string>
        {
            [CopyRecord.Key] = "deprecate=garbage shares=2",
            [CopyRecord.SharesKeyPrefix + "1"] = "444455556666 not-a-share",
        });

        var record = CopyRecord.Read(copy)!;

        Assert.Null(record.DeprecationTime);
        Assert.Equal([Account], record.Shares);
        Assert.False(record.IsComplete);
    }

    [Fact]
    public void RecordKeys_AreControlKeys_NeverInherited()
    {
        Assert.True(CopyTags.IsControlKey(CopyRecord.Key));
        Assert.True(CopyTags.IsControlKey(CopyRecord.SharesKeyPrefix + "3"));
        Assert.StartsWith(TagNames.Prefix, CopyRecord.Key, StringComparison.Ordinal);
    }
}
