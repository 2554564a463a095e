using System.Text.Json;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>
/// Reads what a RunInstances or CreateFleet request launched from CloudTrail's <c>requestParameters</c>, by walking the
/// JSON rather than binding one shape: RunInstances carries <c>instancesSet.items[].imageId</c> and/or
/// <c>launchTemplate{launchTemplateId|launchTemplateName, version}</c>; CreateFleet carries
/// <c>CreateFleetRequest.LaunchTemplateConfigs</c> (an object or a list) with <c>LaunchTemplateSpecification</c> and
/// per-override <c>ImageId</c>. Names are matched case-insensitively. Auto Scaling's launches are recognised by the
/// <c>aws:autoscaling:groupName</c> tag in <c>tagSpecificationSet</c>.
/// </summary>
/// <remarks>Shapes: observed in public sample events, not an AWS reference page (facts file, section 7). When the request
/// names an image itself, that image is what failed (it overrides the template's), so templates are then ignored.</remarks>
public sealed class LaunchRequestReader
{
    public const string AutoScalingGroupTag = "aws:autoscaling:groupName";

    /// <summary>Loop guard: CloudTrail truncates big requests anyway; nothing real nests this deep.</summary>
    public const int MaxDepth = 32;

    private readonly List<string> _imageIds = [];
    private readonly List<LaunchTemplateRef> _templates = [];

    private LaunchRequestReader()
    {
    }

    public IReadOnlyList<string> ImageIds => _imageIds;

    public IReadOnlyList<LaunchTemplateRef> LaunchTemplates => _imageIds.Count > 0 ? [] : _templates;

    public string? AutoScalingGroupName { get; private set; }

    /// <summary>Image-related error codes found in a response (CreateFleet lists per-launch errors there).</summary>
    public List<string> ErrorCodes { get; } = [];

    public static LaunchRequestReader Read(JsonElement? request, JsonElement? response)
    {
        var reader = new LaunchRequestReader();
        if (request is { } r)
        {
            reader.Walk(r, 0);
        }

        if (response is { } s)
        {
            reader.WalkErrors(s, 0);
        }

        return reader;
    }

    private void Walk(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        string? templateId = null, templateName = null, version = null, key = null, value = null;
        foreach (var property in element.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()?.Trim() : null;
            switch (property.Name.ToUpperInvariant())
            {
                case "IMAGEID" when text is not null && ResourceIdFormat.IsImageId(text):
                    if (!_imageIds.Contains(text))
                    {
                        _imageIds.Add(text);
                    }

                    break;
                case "LAUNCHTEMPLATEID" when text is not null:
                    templateId = text;
                    break;
                case "LAUNCHTEMPLATENAME" when text is not null:
                    templateName = text;
                    break;
                case "VERSION":
                    version = text ?? (property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetRawText() : null);
                    break;
                case "KEY":
                    key = text;
                    break;
                case "VALUE":
                    value = text;
                    break;
                default:
                    Walk(property.Value, depth + 1);
                    break;
            }
        }

        if (templateId is not null || templateName is not null)
        {
            var template = new LaunchTemplateRef(templateId, templateName, version);
            if (!_templates.Contains(template))
            {
                _templates.Add(template);
            }
        }

        if (string.Equals(key, AutoScalingGroupTag, StringComparison.Ordinal) && !string.IsNullOrEmpty(value))
        {
            AutoScalingGroupName = value;
        }
    }

    private void WalkErrors(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                WalkErrors(item, depth + 1);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.Equals("errorCode", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    ErrorCodes.Add(property.Value.GetString() ?? string.Empty);
                }
                else
                {
                    WalkErrors(property.Value, depth + 1);
                }
            }
        }
    }
}
