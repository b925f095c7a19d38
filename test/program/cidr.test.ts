import { strict as assert } from "assert";
import * as fc from "fast-check";
import { cidrContains, cidrsOverlap, formatCidr, formatIpv4, parseCidr, parseIpv4 } from "../../components/shared/cidr";

const ipv4 = fc.integer({ min: 0, max: 0xffffffff });
/** Every aligned range: a prefix and the index of one of its blocks. */
const range = fc.integer({ min: 0, max: 32 }).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** prefix - 1 }).map((index) => {
        const first = index * 2 ** (32 - prefix);
        return { first, last: first + 2 ** (32 - prefix) - 1, prefix };
    }),
);

describe("IPv4 ranges (shared by the AWS, GCP and Azure network checks)", () => {
    it("formats and parses addresses as inverses, and refuses what is not one", () => {
        fc.assert(fc.property(ipv4, (ip) => parseIpv4(formatIpv4(ip)) === ip));
        for (const bad of ["10.0.0.256", "10.0.0", "010.0.0.1", "10.0.0.1/8", " 10.0.0.1", ""]) {
            assert.equal(parseIpv4(bad), undefined, bad);
        }
    });

    it("round-trips every aligned range and refuses host bits, prefixes over 32 and bare addresses", () => {
        fc.assert(fc.property(range, (r) => assert.deepEqual(parseCidr(formatCidr(r)), r)));
        fc.assert(
            fc.property(
                range.filter((r) => r.prefix < 32),
                fc.integer({ min: 1, max: 255 }),
                (r, offset) => {
                    assert.equal(parseCidr(`${formatIpv4(r.first + Math.min(offset, r.last - r.first))}/${r.prefix}`), undefined);
                },
            ),
        );
        for (const bad of ["10.240.0.1/16", "10.240.0.0/33", "10.240.0.0", "10.240.0.0/", "/16", "10.240.0.0/16 ", "::1/128"]) {
            assert.equal(parseCidr(bad), undefined, bad);
        }
    });

    it("overlap is symmetric and reflexive, containment implies it, and a range's halves are apart", () => {
        fc.assert(
            fc.property(
                range,
                range,
                (a, b) => cidrsOverlap(a, b) === cidrsOverlap(b, a) && cidrsOverlap(a, a) && (!cidrContains(a, b) || cidrsOverlap(a, b)),
            ),
        );
        fc.assert(
            fc.property(
                range.filter((r) => r.prefix < 32),
                (r) => {
                    const low = parseCidr(`${formatIpv4(r.first)}/${r.prefix + 1}`)!;
                    const high = parseCidr(`${formatIpv4(low.last + 1)}/${r.prefix + 1}`)!;
                    return cidrContains(r, low) && cidrContains(r, high) && !cidrsOverlap(low, high) && high.last === r.last;
                },
            ),
        );
    });
});
