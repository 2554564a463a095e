using Amazon.Runtime;

namespace AmiAutomation.Aws.Errors;

/// <summary>
/// The EC2 error codes the product branches on, and which of them are tolerated where. One place: a code not
/// listed here is a failure.
/// </summary>
public static class Ec2ErrorCodes
{
    public const string DryRunOperation = "DryRunOperation";
    public const string UnauthorizedOperation = "UnauthorizedOperation";
    public const string AuthFailure = "AuthFailure";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string ImageNotFound = "InvalidAMIID.NotFound";
    public const string ImageUnavailable = "InvalidAMIID.Unavailable";
    public const string ImageIdMalformed = "InvalidAMIID.Malformed";
    public const string SnapshotInUse = "InvalidSnapshot.InUse";
    public const string SnapshotNotFound = "InvalidSnapshot.NotFound";
    public const string LaunchTemplateIdNotFound = "InvalidLaunchTemplateId.NotFound";
    public const string LaunchTemplateNameNotFound = "InvalidLaunchTemplateName.NotFoundException";
    public const string InvalidNextToken = "InvalidNextToken";

    /// <summary>Code recorded when EC2 (or an emulator) answered with an error that has no code, e.g. moto's HTML 500 for
    /// calls it does not implement.</summary>
    public const string NoErrorCodePrefix = "HTTP";

    /// <summary>DeregisterImage: the image is already gone. Counted as done (with a note). Not
    /// <see cref="ImageUnavailable"/>: EC2 also gives it for an image that exists but is not available right now
    /// ("The specified AMI is not available", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html),
    /// so calling it done could mark a ledger record Deregistered for an image that is still there: a failed action.</summary>
    public static readonly IReadOnlySet<string> AlreadyDeregistered = new HashSet<string>(StringComparer.Ordinal)
    {
        ImageNotFound,
    };

    /// <summary>DescribeImages by id: the image does not exist (any more).</summary>
    public static readonly IReadOnlySet<string> ImageGone = new HashSet<string>(StringComparer.Ordinal)
    {
        ImageNotFound,
        ImageUnavailable,
    };

    /// <summary>DescribeLaunchTemplateVersions: the template was deleted between listing and reading it (no references).</summary>
    public static readonly IReadOnlySet<string> LaunchTemplateGone = new HashSet<string>(StringComparer.Ordinal)
    {
        LaunchTemplateIdNotFound,
        LaunchTemplateNameNotFound,
    };

    /// <summary>The code to record for an AWS error: its ErrorCode, or <c>HTTP&lt;status&gt;</c> when it has none.</summary>
    public static string CodeOf(AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode)
            ? NoErrorCodePrefix + ((int)exception.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : exception.ErrorCode;
    }

    /// <summary>One line for logs and reports: code, and "not implemented by the endpoint?" for code-less 5xx answers.</summary>
    public static string Describe(AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = CodeOf(exception);
        var hint = string.IsNullOrEmpty(exception.ErrorCode) && (int)exception.StatusCode >= 500
            ? " (no error code: the endpoint may not implement this call)"
            : string.Empty;
        var message = exception.Message?.Length > 300 ? exception.Message[..300] + "…" : exception.Message;
        return $"{code}{hint}: {message}";
    }

    public static bool Is(AmazonServiceException exception, string code) =>
        string.Equals(exception?.ErrorCode, code, StringComparison.Ordinal);
}
