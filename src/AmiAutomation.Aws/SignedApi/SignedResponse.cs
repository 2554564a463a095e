using System.Net;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>A successful (2xx) answer: status, body text, and AWS's request id when it sent one.</summary>
internal sealed record SignedResponse(HttpStatusCode StatusCode, string Body, string? RequestId);
