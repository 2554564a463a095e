using System.Net;
using Amazon.EC2;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>EC2 errors as the SDK raises them (after its own retries).</summary>
internal static class Ec2Exceptions
{
    public static AmazonEC2Exception Code(string code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new($"{code} from the fake", ErrorType.Sender, code, "req-fake", status);

    public static AmazonEC2Exception Throttled() => Code("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable);

    /// <summary>What moto answers for a call it does not implement: HTTP 500, HTML body, no error code.</summary>
    public static AmazonEC2Exception NotImplemented() =>
        new("<html>500 Internal Server Error</html>", ErrorType.Unknown, string.Empty, "req-fake", HttpStatusCode.InternalServerError);
}
