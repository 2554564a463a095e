using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using AmiAutomation.Simulation;

namespace AmiAutomation.Cli.Simulation;

/// <summary>Counts our images by lifecycle state across the regions, straight from the simulator's world.</summary>
internal sealed class FleetCensus(Ec2Simulator simulator, IReadOnlyList<string> regions)
{
    private readonly Dictionary<string, HashSet<string>> _known = regions.ToDictionary(r => r, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>(available, deprecated, disabled, in Recycle Bin, deregistered for good) now.</summary>
    public (int Available, int Deprecated, int Disabled, int InRecycleBin, int Gone) Count()
    {
        var now = simulator.Now;
        int available = 0, deprecated = 0, disabled = 0, binned = 0, gone = 0;
        foreach (var region in regions)
        {
            var known = _known[region];
            var registered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var image in simulator.ListImages(region).Where(i => i.OwnerId == simulator.AccountId))
            {
                known.Add(image.ImageId);
                registered.Add(image.ImageId);
                var state = Ec2ImageMapper.ToState(image.State);
                if (state == ImageState.Disabled)
                {
                    disabled++;
                }
                else if (state == ImageState.Available)
                {
                    var deprecation = Ec2Time.Parse(image.DeprecationTime, "DeprecationTime");
                    if (deprecation is { } at && at <= now)
                    {
                        deprecated++;
                    }
                    else
                    {
                        available++;
                    }
                }
            }

            foreach (var imageId in known.Where(id => !registered.Contains(id)))
            {
                if (simulator.IsImageInRecycleBin(region, imageId))
                {
                    binned++;
                }
                else if (simulator.IsImageGone(region, imageId))
                {
                    gone++;
                }
            }
        }

        return (available, deprecated, disabled, binned, gone);
    }
}
