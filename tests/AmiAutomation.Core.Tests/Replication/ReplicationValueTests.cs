using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class ReplicationValueTests
{
    [Theory]
    [InlineData("replicate=true", "replicate", "true")]
    [InlineData(" team = web ", "team", "web")]
    [InlineData("flag=", "flag", "")]
    public void CopyTagSelector_TryParse_KeyValue(string text, string key, string value)
    {
        Assert.Equal(new CopyTagSelector(key, value), CopyTagSelector.TryParse(text));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    [InlineData("  ")]
    public void CopyTagSelector_TryParse_Malformed_Null(string text)
    {
        Assert.Null(CopyTagSelector.TryParse(text));
    }

    [Theory]
    [InlineData("2", 2, false)]
    [InlineData("done", 0, true)]
    [InlineData("DONE", 0, true)]
    [InlineData("x", 0, false)]
    [InlineData("-1", 0, false)]
    public void CopyAttempts_Read_ParsesTheTag(string value, int count, bool done)
    {
        var source = Source(tags: (CopyAttempts.KeyFor("us-east-1"), value));

        Assert.Equal(new CopyAttempts(count, done), CopyAttempts.Read(source, "us-east-1"));
        Assert.Equal(CopyAttempts.None, CopyAttempts.Read(source, "us-west-2"));
    }

    [Fact]
    public void CopyAttempts_Key_StaysUnderTheDocumentedPrefix()
    {
        Assert.Equal("ami-lifecycle:copy-attempts:ap-southeast-3", CopyAttempts.KeyFor("ap-southeast-3"));
    }

    [Fact]
    public void CopyNames_ForAttempt_FitsEc2NameLimit()
    {
        var name = CopyNames.ForAttempt(new string('n', 128), 3);

        Assert.Equal(CopyNames.MaxNameLength, name.Length);
        Assert.EndsWith(" (copy attempt 3)", name, StringComparison.Ordinal);
        Assert.Equal("web-1 (copy attempt 2)", CopyNames.ForAttempt("web-1", 2));
    }

    [Fact]
    public void StuckCopy_Find_OnlyPendingLongerThanPolicy()
    {
        var source = Source();
        var copies = new[]
        {
            CopyOf(source, "us-east-1", "ami-00000000000000c01", ImageState.Pending, ageHours: 3),
            CopyOf(source, "us-east-2", "ami-00000000000000c02", ImageState.Pending, ageHours: 1),
            CopyOf(source, "us-west-2", "ami-00000000000000c03", ImageState.Available, ageHours: 5),
        };

        var stuck = StuckCopy.Find(copies, new CopyPolicy { StuckAfter = TimeSpan.FromHours(2) }, TestImages.Now);

        var only = Assert.Single(stuck);
        Assert.Equal("ami-00000000000000c01", only.CopyImageId);
        Assert.Equal(source.ImageId, only.SourceImageId);
        Assert.Equal(TimeSpan.FromHours(3), only.PendingFor);
    }
}
