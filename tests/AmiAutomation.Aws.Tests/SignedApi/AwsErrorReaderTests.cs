using System.Net;
using AmiAutomation.Aws.SignedApi;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Tests.SignedApi;

public sealed class AwsErrorReaderTests
{
    private static readonly Func<string, string?> NoHeaders = _ => null;

    [Fact]
    public void FromResponse_QueryErrorResponse_CodeMessageAndRequestId()
    {
        const string body = """<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>MaxRecords too big</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""";

        var ex = AwsErrorReader.FromResponse(AwsService.AutoScaling, "DescribeLaunchConfigurations", HttpStatusCode.BadRequest, NoHeaders, body);

        Assert.Equal("ValidationError", ex.ErrorCode);
        Assert.Equal("r-1", ex.RequestId);
        Assert.Equal(ErrorType.Sender, ex.ErrorType);
        Assert.Equal("Auto Scaling DescribeLaunchConfigurations: MaxRecords too big", ex.Message);
    }

    [Fact]
    public void FromResponse_Ec2StyleErrors_Read()
    {
        const string body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors><RequestID>r-2</RequestID></Response>";

        var ex = AwsErrorReader.FromResponse(AwsService.AutoScaling, "Op", (HttpStatusCode)503, NoHeaders, body);

        Assert.Equal("RequestLimitExceeded", ex.ErrorCode);
        Assert.Equal("r-2", ex.RequestId);
        Assert.Equal(ErrorType.Receiver, ex.ErrorType);
    }

    [Theory]
    [InlineData("ValidationException:http://internal.amazon.com/coral/com.amazonaws.rbin/", "{}", "ValidationException")]
    [InlineData(null, """{"__type":"com.amazonaws.rbin#ResourceNotFoundException","message":"gone"}""", "ResourceNotFoundException")]
    [InlineData(null, """{"code":"ConflictException","Message":"busy"}""", "ConflictException")]
    [InlineData(null, """{"code":"X","__type":"aws#AccessDeniedException"}""", "AccessDeniedException")]
    [InlineData("ThrottlingException", "not json at all", "ThrottlingException")]
    public void FromResponse_RestJson_CodeFromHeaderOrBody(string? header, string body, string expected)
    {
        var ex = AwsErrorReader.FromResponse(AwsService.RecycleBin, "GetRule", HttpStatusCode.BadRequest, name => name == "x-amzn-ErrorType" ? header : null, body);

        Assert.Equal(expected, ex.ErrorCode);
    }

    [Fact]
    public void FromResponse_RestJson_RequestIdFromHeaderAndMessageFromBody()
    {
        var ex = AwsErrorReader.FromResponse(
            AwsService.RecycleBin, "ListRules", HttpStatusCode.Forbidden,
            name => name switch { "x-amzn-ErrorType" => "AccessDeniedException", "x-amzn-RequestId" => "rid-9", _ => null },
            """{"message":"User is not authorized to perform rbin:ListRules"}""");

        Assert.Equal("rid-9", ex.RequestId);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("Recycle Bin ListRules: User is not authorized to perform rbin:ListRules", ex.Message);
    }

    [Theory]
    [InlineData("<html><body>Internal Server Error</body></html>")]
    [InlineData("")]
    [InlineData("<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>")]
    public void FromResponse_NoCodeInTheAnswer_NullCodeAndTheStatusInTheMessage(string body)
    {
        var ex = AwsErrorReader.FromResponse(AwsService.AutoScaling, "Op", HttpStatusCode.InternalServerError, NoHeaders, body);

        Assert.Null(ex.ErrorCode);
        Assert.Contains("HTTP 500 with no error code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_NamesServiceOperationAndCode()
    {
        var ex = AwsErrorReader.Malformed(AwsService.RecycleBin, "GetRule", new SignedResponse(HttpStatusCode.OK, "{\"x\":", "rid"), "bad JSON");

        Assert.Equal(SignedApiErrorCodes.MalformedResponse, ex.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("rid", ex.RequestId);
        Assert.StartsWith("Recycle Bin GetRule: the answer could not be read (bad JSON)", ex.Message, StringComparison.Ordinal);
    }
}
