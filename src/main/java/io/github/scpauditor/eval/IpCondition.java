package io.github.scpauditor.eval;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IpAddress/NotIpAddress: is the request's address inside the policy's IPv4 or IPv6 CIDR (or equal to its address)? */
final class IpCondition {
    private IpCondition() {
    }

    static boolean matches(String requestValue, String policyValue) {
        byte[] address = parse(requestValue.trim());
        String range = policyValue.trim();
        int slash = range.indexOf('/');
        byte[] network = parse(slash < 0 ? range : range.substring(0, slash));
        if (address == null || network == null || address.length != network.length) {
            return false;
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(range.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            if (bits < 0 || bits > address.length * 8) {
                return false;
            }
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The address bytes, or null; never a DNS lookup (only literal forms reach InetAddress). */
    static byte[] parse(String s) {
        if (s.indexOf(':') >= 0) {
            if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName("[" + s + "]").getAddress();
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }
}
