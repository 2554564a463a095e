using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.Runtime;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Builds the exceptions the real service returns: always <see cref="AmazonEC2Exception"/> with EC2's code.</summary>
internal static class Ec2Errors
{
    private static long _requestCounter;

    public static AmazonEC2Exception Create(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(message, (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender, code, NextRequestId(), status);

    public static string NextRequestId()
    {
        var n = Interlocked.Increment(ref _requestCounter);
        return string.Create(CultureInfo.InvariantCulture, $"5e1a0000-0000-4000-8000-{n:x12}");
    }

    public static AmazonEC2Exception DryRun() =>
        Create("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", HttpStatusCode.PreconditionFailed);

    public static AmazonEC2Exception Unauthorized(string action) =>
        Create("UnauthorizedOperation", $"You are not authorized to perform this operation (ec2:{action} is denied by the simulated access policy).", HttpStatusCode.Forbidden);

    public static AmazonEC2Exception InvalidParameterValue(string message) => Create("InvalidParameterValue", message);

    public static AmazonEC2Exception InvalidParameterCombination(string message) => Create("InvalidParameterCombination", message);

    public static AmazonEC2Exception MissingParameter(string parameter) =>
        Create("MissingParameter", $"The request must contain the parameter {parameter}.");

    public static AmazonEC2Exception ImageNotFound(IEnumerable<string> imageIds) =>
        Create("InvalidAMIID.NotFound", $"The image id '[{string.Join(", ", imageIds)}]' does not exist");

    public static AmazonEC2Exception ImageMalformed(string imageId) =>
        Create("InvalidAMIID.Malformed", $"Invalid id: \"{imageId}\" (expecting \"ami-...\")");

    public static AmazonEC2Exception ImageUnavailable(string imageId, string why) =>
        Create("InvalidAMIID.Unavailable", $"The image id '[{imageId}]' is no longer available: {why}");

    public static AmazonEC2Exception NotOwner(string imageId) =>
        Create("AuthFailure", $"Not authorized for image:{imageId}", HttpStatusCode.Forbidden);

    public static AmazonEC2Exception SnapshotNotFound(IEnumerable<string> snapshotIds) =>
        Create("InvalidSnapshot.NotFound", $"The snapshot '{string.Join(", ", snapshotIds)}' does not exist.");

    public static AmazonEC2Exception SnapshotMalformed(string snapshotId) =>
        Create("InvalidSnapshotID.Malformed", $"Invalid id: \"{snapshotId}\" (expecting \"snap-...\")");

    public static AmazonEC2Exception InvalidNextToken(string token) =>
        Create("InvalidNextToken", $"The token '{token}' is invalid for this request.");

    public static AmazonEC2Exception InvalidFilter(string name) =>
        InvalidParameterValue($"The filter '{name}' is invalid");
}
