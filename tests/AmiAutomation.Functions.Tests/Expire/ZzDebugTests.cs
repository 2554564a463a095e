using System.Net;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

public sealed class ZzDebugTests
{
    [Fact]
    public async Task Debug()
    {
        var h = new SweepHarness();
        h.Ec2.Faults.FailAlways("DescribeInstances", "InternalError", HttpStatusCode.InternalServerError);
        try
        {
            var r = await h.Ec2.ClientFor(SweepHarness.Region).DescribeInstancesAsync(new Amazon.EC2.Model.DescribeInstancesRequest());
            Assert.Fail("no throw " + r.HttpStatusCode);
        }
        catch (Amazon.Runtime.AmazonServiceException ex)
        {
            Assert.Fail("threw " + ex.GetType().FullName + " " + ex.ErrorCode + " " + ex.StatusCode);
        }
    }
}
